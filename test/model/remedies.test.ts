/**
 * The fixes that name a gateplan.yaml (or overlay) remedy must work: applying exactly what the
 * fix says makes `generate` write every front door. The errors themselves stay errors.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderFix } from '../../src/diagnostics/diagnostic.js';
import { check, oas } from '../support/check.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const intent = `x-gateplan:\n  backends: { b: { url: 'http://b.internal' } }\n  defaults: { backend: b }\n`;
const TARGETS = 'apigw-rest,apigw-http,alb,terraform';

async function generate(dir: string, ...extra: string[]) {
  return runCli([
    'generate',
    join(dir, 'api.yaml'),
    '--target',
    TARGETS,
    '--out',
    join(dir, 'out'),
    ...extra,
  ]);
}

describe('GP020: the same route declared twice, with different throttles', () => {
  const spec = oas(`${intent}paths:
  /invoices/{InvoiceID}:
    get: { parameters: [{ name: InvoiceID, in: path, required: true }], responses: { '200': { description: ok } } }
  /invoices/{InvoiceNumber}:
    get: { x-gateplan: { throttle: { rate: 5, burst: 10 } }, parameters: [{ name: InvoiceNumber, in: path, required: true }], responses: { '200': { description: ok } } }
`);

  it('stops generate, and `severity: { GP020: warn }` in gateplan.yaml deploys the path that sorts first', async () => {
    const dir = tempDir({ 'api.yaml': spec });
    const stopped = await generate(dir);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(
      /error GP020 .*\n {2}fix: .*`severity: \{ GP020: warn \}` in gateplan\.yaml/,
    );
    writeFileSync(join(dir, 'gateplan.yaml'), 'severity: { GP020: warn }\n');
    const fixed = await generate(dir);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stderr).toContain('warn GP020');
    const document = JSON.parse(readFileSync(join(dir, 'out', 'apigw-rest', 'openapi.json'), 'utf8'));
    expect(Object.keys(document.paths)).toEqual(['/invoices/{InvoiceID}']);
  });

  it('says what differs, and giving both the same in gateplan.yaml makes one route serve both (GP151)', async () => {
    const dir = tempDir({ 'api.yaml': spec });
    const stopped = await generate(dir);
    expect(stopped.stderr).toMatch(
      /error GP020 .*they disagree on throttle\n {2}fix: .*give both the same throttle in gateplan\.yaml/,
    );
    writeFileSync(
      join(dir, 'gateplan.yaml'),
      "rules:\n  - match: { path: '/invoices/*' }\n    set: { throttle: { rate: 5, burst: 10 } }\n",
    );
    const fixed = await generate(dir);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stderr).toContain('info GP151');
    const document = JSON.parse(readFileSync(join(dir, 'out', 'apigw-rest', 'openapi.json'), 'utf8'));
    expect(Object.keys(document.paths)).toEqual(['/invoices/{InvoiceID}']);
  });

  it('names the overlay action that removes the duplicate, and that overlay works', async () => {
    const { diagnostics } = await check(spec);
    const d = diagnostics.find((x) => x.code === 'GP020')!;
    expect(d.args.target).toBe("$.paths['/invoices/{InvoiceNumber}'].get");
    expect(renderFix(d)).toContain(`{ target: "${d.args.target}", remove: true }`);
    const dir = tempDir({
      'api.yaml': spec,
      'drop.overlay.yaml': `overlay: 1.0.0\ninfo: { title: drop, version: '1' }\nactions:\n  - target: "${d.args.target}"\n    remove: true\n`,
    });
    const fixed = await generate(dir, '--overlay', join(dir, 'drop.overlay.yaml'));
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stderr).not.toContain('GP020');
  });
});

describe('GP044: a requirement naming a scheme nobody declared', () => {
  const spec = oas(`${intent}paths:
  /pets:
    get: { security: [{ apiKeyHeader: [] }, { oauth2: [] }], responses: { '200': { description: ok } } }
`);

  it('stops generate, and the auth: entries its fix names deploy every front door', async () => {
    const dir = tempDir({ 'api.yaml': spec });
    const stopped = await generate(dir);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('`auth: { apiKeyHeader: { enforcedBy: backend } }`');
    writeFileSync(
      join(dir, 'gateplan.yaml'),
      'auth:\n  apiKeyHeader: { enforcedBy: backend }\n  oauth2: { enforcedBy: backend }\n',
    );
    const fixed = await generate(dir);
    expect(fixed.code, fixed.stderr).toBe(0);
    const http = JSON.parse(readFileSync(join(dir, 'out', 'apigw-http', 'openapi.json'), 'utf8'));
    expect(http.paths['/pets'].get.security).toEqual([]);
  });
});

describe('components maps that are themselves $refs', () => {
  it('reads security schemes from a file components.securitySchemes points at', async () => {
    const { diagnostics, model } = await check(
      oas(`${intent}components:
  securitySchemes: { $ref: 'components/securitySchemes.yaml' }
paths:
  /a:
    get: { security: [{ bearer: [] }], responses: { '200': { description: ok } } }
`),
      { 'components/securitySchemes.yaml': 'bearer: { type: http, scheme: bearer }\n' },
    );
    expect(diagnostics.filter((d) => d.code === 'GP044')).toEqual([]);
    expect(model!.auth.bearer).toMatchObject({
      scheme: { kind: 'jwt' },
      where: { file: expect.stringMatching(/securitySchemes\.yaml$/), pointer: '/bearer' },
    });
  });

  it('follows a $ref to the whole components object, and pointers through it', async () => {
    const { diagnostics, model } = await check(
      oas(`${intent}components: { $ref: 'components.yaml' }
paths:
  /a:
    post:
      security: [{ basic: [] }]
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
      responses: { '200': { description: ok } }
`),
      {
        'components.yaml':
          'securitySchemes:\n  basic: { type: http, scheme: basic }\nschemas:\n  Pet: { type: object }\n',
      },
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model!.auth.basic?.scheme.kind).toBe('http-basic');
  });

  it('a map whose $ref leads back into itself is a located GP007, not a hang', async () => {
    const { diagnostics } = await check(
      oas(`${intent}components: { $ref: '#/components/loop' }
paths:
  /a:
    get: { security: [{ x: [] }], responses: { '200': { description: ok } } }
`),
    );
    expect(diagnostics.map((d) => d.code)).toContain('GP007');
  });
});
