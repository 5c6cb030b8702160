/**
 * `leaveOutOf`: a route one front door cannot serve as the spec describes it is left out of
 * that door by gateplan.yaml (init writes it), and the other doors serve it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileAlb, matchListener } from '../src/targets/alb/index.js';
import { misroutedRequests } from './alb/support.js';
import { check, oas } from './support/check.js';
import { runCli } from './support/cli.js';
import { testTargetCode } from './support/target-code.js';
import { tempDir } from './support/temp.js';

const backends = `x-gateplan:\n  backends: { svc: { url: 'https://svc.example.com' } }\n  defaults: { backend: svc }\n`;
const op = `{ responses: { '200': { description: ok } } }`;
/** An operation API Gateway REST serves with a request template, as AWS samples ship them. */
const templated = `{ responses: { '200': { description: ok } }, x-amazon-apigateway-integration: { type: aws, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations', requestTemplates: { application/json: '{"action": "list"}' } } }`;
const cors = `{ responses: { '200': { description: ok } }, x-amazon-apigateway-integration: { type: mock, requestTemplates: { application/json: '{"statusCode": 200}' }, responses: { default: { statusCode: '200', responseParameters: { method.response.header.Access-Control-Allow-Origin: "'*'" } } } } }`;

function spec(paths: string, rules = ''): string {
  return oas(`${backends}${rules}paths:\n${paths}`);
}
const both = `  /a:\n    get: { x-gateplan: { leaveOutOf: [alb] }, responses: { '200': { description: ok } } }\n  /b:\n    get: ${op}\n`;
const onlyLeftOut = `  /a:\n    get: { x-gateplan: { leaveOutOf: [apigw-http] }, responses: { '200': { description: ok } } }\n`;

describe('leaveOutOf', () => {
  testTargetCode('GP152', [
    {
      name: 'one of two routes left out of ALB',
      target: 'alb',
      spec: spec(both),
      expect: [
        { pointer: '/paths/~1a/get', severity: 'info', args: { door: 'alb', count: '1', routes: 'GET /a' } },
      ],
      writes: true,
    },
    {
      name: 'the other front doors serve it',
      target: 'apigw-rest',
      spec: spec(both),
      expect: [],
      writes: true,
    },
    {
      name: 'Terraform for the door it is left out of',
      target: 'terraform',
      options: { for: 'alb' },
      spec: spec(both),
      expect: [{ pointer: '/paths/~1a/get', args: { door: 'alb' } }],
      writes: true,
    },
  ]);

  testTargetCode('GP153', [
    {
      name: 'every route left out of the HTTP API: nothing written, and no GP150',
      target: 'apigw-http',
      spec: spec(onlyLeftOut),
      expect: [
        { pointer: '/paths/~1a/get', severity: 'info', args: { door: 'apigw-http', target: 'apigw-http' } },
      ],
      writes: false,
    },
    {
      name: 'Terraform for that door writes nothing either',
      target: 'terraform',
      options: { for: 'apigw-http' },
      spec: spec(onlyLeftOut),
      expect: [{ pointer: '/paths/~1a/get', args: { target: 'terraform' } }],
      writes: false,
    },
    {
      name: 'a REST API still serves it',
      target: 'apigw-rest',
      spec: spec(onlyLeftOut),
      expect: [],
      writes: true,
    },
  ]);

  testTargetCode('GP154', [
    {
      name: 'an aws integration with a request template',
      target: 'alb',
      spec: oas(`paths:\n  /pets:\n    get: ${templated}\n`),
      expect: [
        {
          pointer: '/paths/~1pets/get/x-amazon-apigateway-integration',
          severity: 'error',
          args: { route: 'GET /pets', type: 'aws', selector: '{ method: "GET", path: "/pets" }' },
        },
      ],
    },
    {
      name: 'a mock answering CORS headers',
      target: 'alb',
      spec: oas(`paths:\n  /pets:\n    options: ${cors}\n`),
      expect: [{ pointer: '/paths/~1pets/options/x-amazon-apigateway-integration', args: { type: 'mock' } }],
    },
    {
      name: 'left out of ALB, it is not reported',
      target: 'alb',
      spec: oas(
        `x-gateplan: { backends: { svc: { url: 'https://svc.example.com' } } }\npaths:\n  /pets:\n    get: ${templated.replace('{ responses', '{ x-gateplan: { leaveOutOf: [alb] }, responses')}\n  /b:\n    get: { x-gateplan: { backend: svc }, responses: { '200': { description: ok } } }\n`,
      ),
      expect: [],
      writes: true,
    },
  ]);

  it('ALB answers a route left out of it with 404 from a rule of its own, so no wildcard takes it', async () => {
    const { model } = await check(
      spec(
        `  /files/{path+}:\n    get: ${op}\n  /files/secret:\n    get: { x-gateplan: { leaveOutOf: [alb] }, responses: { '200': { description: ok } } }\n`,
      ),
    );
    const plan = compileAlb(model!);
    expect(misroutedRequests(model!, plan)).toEqual([]);
    const secret = matchListener(plan.listeners[0]!, {
      method: 'GET',
      path: '/files/secret',
      host: 'api.example.com',
    });
    expect(secret.actions.terminal).toMatchObject({ type: 'fixed-response', statusCode: '404' });
  });

  it('init leaves what a front door cannot serve to the others, and generate accepts its file unchanged', async () => {
    const dir = tempDir({
      'api.yaml': oas(
        `servers: [{ url: 'https://svc.example.com' }]\npaths:\n  /pets:\n    get: ${templated}\n    options: ${cors}\n  /health:\n    get: ${op}\n`,
      ),
    });
    const init = await runCli(['init', join(dir, 'api.yaml')]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('2 route(s) left out of a front door that cannot serve them');
    const config = readFileSync(join(dir, 'gateplan.yaml'), 'utf8');
    expect(config).toContain('# GET /pets: HTTP APIs run no aws integrations');
    expect(config).toContain(
      '- match: { method: "GET", path: "/pets" }\n    set: { leaveOutOf: [apigw-http, alb] }',
    );
    const generate = await runCli([
      'generate',
      join(dir, 'api.yaml'),
      '--target',
      'apigw-rest,apigw-http,alb,terraform',
      '--out',
      join(dir, 'out'),
    ]);
    expect(generate.code, generate.stderr).toBe(0);
    expect(generate.stderr).not.toMatch(/GP043|GP128|GP154/);
    const http = JSON.parse(readFileSync(join(dir, 'out', 'apigw-http', 'openapi.json'), 'utf8'));
    expect(Object.keys(http.paths)).toEqual(['/health']);
    const rest = JSON.parse(readFileSync(join(dir, 'out', 'apigw-rest', 'openapi.json'), 'utf8'));
    expect(Object.keys(rest.paths['/pets']).sort()).toEqual(['get', 'options']);
    const alb = readFileSync(join(dir, 'out', 'alb', 'template.yaml'), 'utf8');
    // ALB answers /pets with 404 rather than call the function without its template.
    expect(alb).not.toContain('function:pets');
    expect(alb).toMatch(/\/pets[\s\S]*StatusCode: "404"/);
    // inspect says what each door makes of the route.
    const inspect = await runCli(['inspect', join(dir, 'api.yaml')]);
    expect(inspect.stdout).toMatch(
      /GET +\/pets .*rest: =; http: left out: leaveOutOf \(GP152\); alb: \/pets \(answers 404: leaveOutOf \(GP152\)\)/,
    );
    // Deleting the entries brings back what each front door reports.
    writeFileSync(
      join(dir, 'gateplan.yaml'),
      config.replace(/set: \{ leaveOutOf: \[apigw-http, alb\] \}/g, 'set: {}'),
    );
    const refused = await runCli([
      'generate',
      join(dir, 'api.yaml'),
      '--target',
      'alb',
      '--out',
      join(dir, 'o2'),
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error GP154');
  });
});
