import { diff, diffModels, type DiffOptions } from '../../src/diff/index.js';
import type { RouteChange } from '../../src/diff/types.js';
import { modelOf, writeSpec } from '../support/pipeline.js';

/** Loads two inline spec versions (each in its own folder, so both are `api.yaml`). */
export async function models(baseText: string, revisionText: string) {
  return { base: await modelOf(writeSpec(baseText)), revision: await modelOf(writeSpec(revisionText)) };
}

export async function routeChanges(baseText: string, revisionText: string): Promise<RouteChange[]> {
  const { base, revision } = await models(baseText, revisionText);
  return diffModels(base, revision);
}

export async function report(baseText: string, revisionText: string, options: DiffOptions) {
  const { base, revision } = await models(baseText, revisionText);
  return diff(base, revision, options);
}

/** The parts of a change a test pins: code, class, the rendered arguments. */
export function brief(changes: RouteChange[]) {
  return changes.map((c) => ({ code: c.code, kind: c.kind, classification: c.classification, args: c.args }));
}

/**
 * A small API: two backends, a stage pair, a few routes. `patch` edits are plain string
 * replacements on this text, so each test shows exactly what changed.
 */
export const BASE = `openapi: 3.0.3
info: { title: Shop, version: '1.0' }
x-gateplan:
  backends:
    users: { url: 'http://users.internal:8080' }
    users-v2: { url: 'http://users-v2.internal:8080' }
    orders: { lambda: 'arn:aws:lambda:us-east-1:123456789012:function:orders' }
  defaults: { backend: users, timeoutMs: 10000 }
  stages:
    dev: { host: dev.shop.example.com, throttle: { rate: 50, burst: 100 } }
    prod: { host: shop.example.com, throttle: { rate: 1000, burst: 2000 }, canary: { percent: 10, backends: { users: users-v2 } } }
components:
  securitySchemes:
    key: { type: apiKey, name: x-api-key, in: header }
    iam: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4 }
paths:
  /users:
    get:
      operationId: listUsers
      x-gateplan: { throttle: { rate: 100, burst: 200 } }
      responses: { '200': { description: ok } }
  /users/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      operationId: getUser
      responses: { '200': { description: ok } }
    delete:
      operationId: deleteUser
      security: [{ iam: [] }]
      responses: { '204': { description: gone } }
  /orders/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      operationId: getOrder
      x-gateplan: { backend: orders }
      responses: { '200': { description: ok } }
`;

/** BASE with each [from, to] replacement applied; throws when `from` is missing so a typo cannot pass silently. */
export function patch(...edits: [string, string][]): string {
  let text = BASE;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`patch: ${JSON.stringify(from)} not in BASE`);
    text = text.replace(from, to);
  }
  return text;
}
