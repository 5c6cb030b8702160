import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_PER_LEVEL, groupedAnnotations, type Finding } from '../../src/format/annotations.js';
import { runCli } from '../support/cli.js';
import { writeSpec } from '../support/temp.js';

const finding = (
  code: string,
  line: number,
  file = 'api.yaml',
  level: Finding['level'] = 'warning',
): Finding => ({
  level,
  place: { file, line, column: 5 },
  code,
  title: code,
  message: `${code} at ${line}`,
});

const commands = (text: string) => text.split('\n').filter(Boolean);

describe('GitHub annotations', () => {
  it('one per code and file, on the first finding, with the count and the other lines', () => {
    const out = groupedAnnotations([
      finding('GP021', 10),
      finding('GP021', 12),
      finding('GP021', 3, 'b.yaml'),
      finding('GP049', 4),
    ]);
    expect(commands(out)).toEqual([
      '::warning file=api.yaml,line=10,col=5,title=GP021 (2 in this file)::GP021 at 10%0A%0AAlso in this file:%0Aline 12: GP021 at 12',
      '::warning file=b.yaml,line=3,col=5,title=GP021::GP021 at 3',
      '::warning file=api.yaml,line=4,col=5,title=GP049::GP049 at 4',
    ]);
  });

  it('never more per level than GitHub shows: the last one says what was left out', () => {
    const many = Array.from({ length: 14 }, (_, i) => finding(`GP${100 + i}`, i + 1));
    const out = commands(groupedAnnotations([...many, finding('GP041', 1, 'api.yaml', 'error')]));
    expect(out.filter((c) => c.startsWith('::warning'))).toHaveLength(ANNOTATIONS_PER_LEVEL);
    expect(out.filter((c) => c.startsWith('::error'))).toHaveLength(1);
    expect(out.at(-1)).toBe(
      '::warning file=api.yaml,line=10,col=5,title=5 more warnings::GitHub shows 10 annotations per level and step; 5 more finding(s) of GP109, GP110, GP111, GP112, GP113 in 5 group(s) are in the log.',
    );
  });

  it('gateplan lint --format github groups a finding repeated on every route', async () => {
    const paths = Array.from(
      { length: 12 },
      (_, i) => `  /r${i}/{id}:\n    get: { responses: { '200': { description: ok } } }\n`,
    ).join('');
    const spec = writeSpec(
      `openapi: 3.0.3\ninfo: { title: t, version: '1' }\nx-gateplan:\n  backends: { b: { url: 'http://b' } }\n  defaults: { backend: b }\npaths:\n${paths}`,
    );
    const { stdout } = await runCli(['lint', spec, '--format', 'github']);
    const out = commands(stdout);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^::warning file=.*api\.yaml,line=8,col=\d+,title=GP021 \(12 in this file\)::/);
    expect(out[0]).toContain('%0A… and 1 more');
  });
});
