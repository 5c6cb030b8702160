import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileAlb } from '../../src/targets/alb/compile.js';
import { albContext } from '../../src/targets/terraform/alb.js';
import { planTerraform } from '../../src/targets/terraform/index.js';
import { ModuleInterface } from '../../src/targets/terraform/module.js';
import { BUNDLED_TEMPLATES } from '../../src/targets/terraform/templates.generated.js';
import { createRenderer } from '../../src/targets/terraform/templates.js';
import { formatHcl } from '../../src/targets/terraform/format.js';
import { modelOf } from '../support/pipeline.js';
import { renderTemplatesModule, TEMPLATES_MODULE } from '../../scripts/templates-module.js';
import { parseHcl } from './support/hcl.js';

const BOOKSTORE = 'specs/bookstore.yaml';

describe('template overrides', () => {
  it('renders a user template in place of the bundled one, with the same context', async () => {
    const versions = 'terraform {\n{{attr "required_version" terraform}}\n}\n# pinned by the platform team\n';
    const { artifacts, diagnostics } = planTerraform(await modelOf(BOOKSTORE), {
      for: 'alb',
      templates: { 'versions.tf': versions },
    });
    expect(diagnostics.filter((d) => d.code.startsWith('GP3'))).toEqual([]);
    const text = artifacts.find((a) => a.path === 'versions.tf')!.content;
    expect(text).toBe('terraform {\n  required_version = ">= 1.5.0"\n}\n# pinned by the platform team\n');
  });

  it('lets a partial be overridden for every use', async () => {
    const condition = 'condition {\n# custom\n}\n';
    const { artifacts } = planTerraform(await modelOf(BOOKSTORE), {
      for: 'alb',
      templates: { 'alb-condition': condition },
    });
    const alb = artifacts.find((a) => a.path === 'alb.tf')!.content;
    expect(alb).toContain('  condition {\n    # custom\n  }\n');
    expect(alb).not.toContain('path_pattern');
  });

  it('bundles one template per output file plus the partials', () => {
    expect(Object.keys(BUNDLED_TEMPLATES).sort()).toEqual([
      'alb-action',
      'alb-condition',
      'alb.tf',
      'apigw-domain.tf',
      'apigw-http.tf',
      'apigw-rest.tf',
      'outputs.tf',
      'variables.tf',
      'versions.tf',
      'waf-statement',
    ]);
  });

  it('bundles templates/terraform/*.hbs as they are: the module is what `npm run templates` writes', () => {
    expect(readFileSync(TEMPLATES_MODULE, 'utf8')).toBe(renderTemplatesModule());
  });
});

describe('target group attributes', () => {
  it('renders the attributes the ALB plan sets as aws_lb_target_group arguments', async () => {
    const model = await modelOf(BOOKSTORE);
    const plan = compileAlb(model);
    const ctx = albContext(model, plan, new ModuleInterface(), { internal: false });
    const catalog = plan.targetGroups.find((t) => t.backend === 'catalog')!;
    expect(catalog.attributes.map((a) => a.key)).toEqual([
      'deregistration_delay.timeout_seconds',
      'load_balancing.algorithm.type',
    ]);
    expect(ctx.targetGroups.find((t) => t.backend === 'catalog')!.arguments).toEqual([
      { name: 'deregistration_delay', value: '30' },
      { name: 'load_balancing_algorithm_type', value: 'least_outstanding_requests' },
    ]);
  });
});

describe('formatHcl', () => {
  it('aligns consecutive single-line attributes and indents by brackets', () => {
    const text = formatHcl('a {\nx = 1\nlonger_name = "v"\nm = {\nk = 1\n}\n}\n');
    expect(text).toBe('a {\n  x           = 1\n  longer_name = "v"\n  m = {\n    k = 1\n  }\n}\n');
  });

  it('leaves no line for an omitted attribute and is idempotent', async () => {
    const renderer = createRenderer({
      'versions.tf': 'terraform {\n{{attr "a" nothing}}\n{{attr "required_version" v}}\n}\n',
    });
    const text = renderer.render('versions.tf', { v: '>= 1' });
    expect(text).toBe('terraform {\n  required_version = ">= 1"\n}\n');
    expect(formatHcl(text)).toBe(text);
    expect(await parseHcl(text)).toEqual({ terraform: [{ required_version: '>= 1' }] });
  });
});
