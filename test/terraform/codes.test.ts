/**
 * One table per Terraform code (GP300–GP302), each case an inline spec planned by the
 * Terraform target, or run through `generate` where the location is the command's.
 */
import { describe } from 'vitest';
import { oas } from '../support/check.js';
import { testCliCode } from '../support/cli-code.js';
import { testTargetCode } from '../support/target-code.js';

const spec = oas(`x-gateplan:
  backends: { svc: { url: 'http://10.0.0.1' } }
  defaults: { backend: svc }
paths:
  /a:
    get: { responses: { '200': { description: ok } } }
`);

/** A `versions.tf` override that renders. */
const VERSIONS = 'terraform {\n{{attr "required_version" terraform}}\n}\n';
const BROKEN = 'x\n{{#each rules}}\n';

describe('Terraform diagnostics', () => {
  testTargetCode('GP300', [
    {
      name: 'a front door gateplan does not render',
      target: 'terraform',
      options: { for: 'cloudfront' },
      spec,
      expect: [{ pointer: '', file: 'api.yaml', args: { value: 'cloudfront' } }],
      writes: false,
    },
    {
      name: 'the combined front door is one gateplan renders',
      target: 'terraform',
      options: { for: 'apigw+alb' },
      spec,
      expect: [],
      writes: true,
    },
  ]);

  testTargetCode('GP301', [
    {
      name: 'a template that does not parse, in the folder it came from',
      target: 'terraform',
      options: { for: 'alb', templates: { 'alb.tf': BROKEN }, templatesDir: 'tpl/' },
      spec,
      expect: [{ pointer: '', file: 'tpl/alb.tf.hbs', args: { template: 'alb.tf' } }],
      writes: false,
    },
    {
      name: 'an overridden partial that does not parse is named, not the template that includes it',
      target: 'terraform',
      options: { for: 'alb', templates: { 'alb-condition': BROKEN }, templatesDir: 'tpl' },
      spec,
      expect: [{ pointer: '', file: 'tpl/alb-condition.hbs', args: { template: 'alb-condition' } }],
      writes: false,
    },
    {
      name: 'a helper that refuses its value',
      target: 'terraform',
      options: { for: 'alb', templates: { 'alb.tf': '{{ident "not an identifier"}}' } },
      spec,
      expect: [{ pointer: '', file: 'alb.tf.hbs', args: { template: 'alb.tf' } }],
      writes: false,
    },
    {
      name: 'an override that renders',
      target: 'terraform',
      options: { for: 'alb', templates: { 'versions.tf': VERSIONS }, templatesDir: 'tpl' },
      spec,
      expect: [],
      writes: true,
    },
    {
      name: 'a broken override of a template this front door does not render',
      target: 'terraform',
      options: { for: 'apigw-http', templates: { 'alb.tf': '{{ident "not an identifier"}}' } },
      spec,
      expect: [],
      writes: true,
    },
  ]);

  testTargetCode('GP302', [
    {
      name: 'a template that replaces nothing',
      target: 'terraform',
      options: { for: 'alb', templates: { 'alb.tf.typo': 'x' }, templatesDir: 'tpl' },
      spec,
      expect: [
        { pointer: '', file: 'tpl/alb.tf.typo.hbs', severity: 'warn', args: { template: 'alb.tf.typo' } },
      ],
      writes: true,
    },
    {
      name: 'a template that replaces a bundled one',
      target: 'terraform',
      options: { for: 'alb', templates: { 'versions.tf': VERSIONS } },
      spec,
      expect: [],
    },
  ]);

  const GENERATE_WITH_TEMPLATES = [
    'generate',
    'api.yaml',
    '-t',
    'terraform',
    '--for',
    'alb',
    '--templates',
    'tpl',
    '--out',
    'out',
    '--format',
    'json',
  ];
  testCliCode('GP301', [
    {
      name: 'generate names the file in the --templates folder',
      files: { 'api.yaml': spec, 'tpl/alb.tf.hbs': BROKEN },
      args: GENERATE_WITH_TEMPLATES,
      exit: 1,
      expect: [{ file: 'tpl/alb.tf.hbs', pointer: '', severity: 'error' }],
    },
    {
      name: 'a template folder whose templates render',
      files: { 'api.yaml': spec, 'tpl/versions.tf.hbs': VERSIONS },
      args: GENERATE_WITH_TEMPLATES,
      exit: 0,
      expect: [],
    },
  ]);
});
