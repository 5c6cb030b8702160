import { describe, expect, it } from 'vitest';
import { formatSegments, parsePathTemplate, pathParamNames, pathShape } from '../../src/model/paths.js';
import { indexRoutes } from '../../src/model/precedence.js';
import type { Segment } from '../../src/model/types.js';
import { modelOf } from '../alb/support.js';
import { check, oas } from '../support/check.js';

function segments(path: string): Segment[] {
  const parsed = parsePathTemplate(path);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.segments;
}

describe('mixed path segments', () => {
  it('keep their text and parameters in order', () => {
    expect(segments('/Accounts/{Sid}.json')).toEqual([
      { kind: 'literal', value: 'Accounts' },
      {
        kind: 'mixed',
        parts: [
          { kind: 'param', name: 'Sid' },
          { kind: 'text', value: '.json' },
        ],
      },
    ]);
    expect(segments('/compare/{base}...{head}')[1]).toEqual({
      kind: 'mixed',
      parts: [
        { kind: 'param', name: 'base' },
        { kind: 'text', value: '...' },
        { kind: 'param', name: 'head' },
      ],
    });
    expect(segments('/v{version}/items')[0]).toEqual({
      kind: 'mixed',
      parts: [
        { kind: 'text', value: 'v' },
        { kind: 'param', name: 'version' },
      ],
    });
  });

  it.each([
    '/Accounts/{Sid}.json',
    '/compare/{base}...{head}',
    '/files/{id}/thumbnail.{extension}',
    '/v{version}/items',
    '/{name}:verb',
  ])('%s is formatted back as written', (path) => {
    expect(formatSegments(segments(path))).toBe(path);
  });

  it('erase parameter names in the shape, keeping the text', () => {
    expect(pathShape(segments('/Accounts/{Sid}.json'))).toBe('/Accounts/{}.json');
    expect(pathShape(segments('/compare/{base}...{head}'))).toBe('/compare/{}...{}');
    expect(pathShape(segments('/a/{x}.json'))).toBe(pathShape(segments('/a/{y}.json')));
    expect(pathShape(segments('/a/{x}.json'))).not.toBe(pathShape(segments('/a/{x}')));
  });

  it('name their parameters with the others', () => {
    expect(pathParamNames(segments('/repos/{owner}/compare/{base}...{head}'))).toEqual([
      'owner',
      'base',
      'head',
    ]);
  });

  it('own only requests that carry their text, ranking between a literal and a parameter', () => {
    const routes = modelOf(
      [
        '/Accounts/me.json',
        '/Accounts/{Sid}.json',
        '/Accounts/{Sid}',
        '/compare/{base}...{head}',
        '/f/{a}.{b}',
        '/f/{a}.tar.{b}',
      ].map((path) => ({ method: 'GET' as const, path, backend: 'b' })),
    ).routes;
    const owner = (path: string) => indexRoutes(routes).owner('GET', path)?.path;
    expect(owner('/Accounts/me.json')).toBe('/Accounts/me.json');
    expect(owner('/Accounts/AC1.json')).toBe('/Accounts/{Sid}.json');
    expect(owner('/Accounts/AC1')).toBe('/Accounts/{Sid}');
    expect(owner('/Accounts/.json')).toBe('/Accounts/{Sid}');
    expect(owner('/compare/main...topic')).toBe('/compare/{base}...{head}');
    expect(owner('/compare/main..topic')).toBeUndefined();
    // Of two mixed segments that both match, the one with more text is the more specific.
    expect(owner('/f/x.tar.gz')).toBe('/f/{a}.tar.{b}');
    expect(owner('/f/x.gz')).toBe('/f/{a}.{b}');
  });
});

describe('routes with mixed segments', () => {
  const intent = `x-gateplan:\n  backends: { b: { url: 'http://b.internal' } }\n  defaults: { backend: b }\n`;
  const op = `{ responses: { '200': { description: ok } } }`;

  it('are part of the model, with their parameters declared', async () => {
    const { model, diagnostics } = await check(
      oas(
        `${intent}paths:\n  /Accounts/{Sid}.json:\n    get: { parameters: [{ name: Sid, in: path, required: true }], responses: { '200': { description: ok } } }\n  /Accounts/{Sid}.xml:\n    get: ${op}\n`,
      ),
    );
    expect(model!.routes.map((r) => [r.id, r.path])).toEqual([
      ['GET /Accounts/{}.json', '/Accounts/{Sid}.json'],
      ['GET /Accounts/{}.xml', '/Accounts/{Sid}.xml'],
    ]);
    // The undeclared {Sid} of the second is found inside the mixed segment, as for any parameter.
    expect(diagnostics.filter((d) => d.code === 'GP021').map((d) => d.args.route)).toEqual([
      'GET /Accounts/{Sid}.xml',
    ]);
  });

  it('are one route when they differ only in parameter names (GP151, or GP020 when they conflict)', async () => {
    const { diagnostics } = await check(
      oas(`${intent}paths:\n  /a/{x}.json:\n    get: ${op}\n  /a/{y}.json:\n    get: ${op}\n`),
    );
    expect(diagnostics.filter((d) => d.code === 'GP151').map((d) => d.args.kept)).toEqual(['/a/{x}.json']);
  });
});
