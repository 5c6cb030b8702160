/**
 * Every corpus spec, its operations spread over several backends by tag through a
 * gateplan.yaml: the matcher must route every operation's sample request to its backend
 * and undeclared top-level paths to the default. Big APIs overflow the 100-rule quota; the
 * plan must still be correct, and the overflow must be reported as GP200.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { load, withConfig } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';
import type { RouteModel } from '../../src/model/types.js';
import { shortHash } from '../../src/model/ids.js';
import { compileAlb } from '../../src/targets/alb/compile.js';
import { ALB_QUOTAS } from '../../src/targets/alb/plan.js';
import { announceCorpus, corpusEntries, HAS_CORPUS } from '../support/corpus.js';
import { tempDir } from '../support/temp.js';
import { misroutedProbes } from './requests.js';
import { compileVerified, misroutedRequests, strayRequests } from './support.js';

announceCorpus();

const BACKENDS = ['svc-a', 'svc-b', 'svc-c', 'svc-d', 'svc-e'];

/**
 * A gateplan.yaml that sends each tag to a backend chosen by the tag's hash. Every security
 * scheme is checked by the backend, so routes that require one ALB cannot check are forwarded
 * (and routed) rather than answered with 401.
 */
function configFor(tags: string[], schemes: string[]): string {
  return stringify({
    auth: Object.fromEntries(schemes.map((s) => [s, { enforcedBy: 'backend' }])),
    backends: Object.fromEntries(BACKENDS.map((b) => [b, { url: `http://${b}.internal:8080` }])),
    defaults: { backend: BACKENDS[0] },
    rules: tags.map((tag) => ({
      match: { tag },
      set: { backend: BACKENDS[parseInt(shortHash(tag, 4), 16) % BACKENDS.length] },
    })),
    severity: { GP043: 'off' },
  });
}

describe.skipIf(!HAS_CORPUS)('ALB rules for the corpus specs, proven by the matcher', () => {
  for (const entry of corpusEntries()) {
    it(
      entry.id,
      async () => {
        const first = await load(entry.file, { cwd: join(entry.file, '..'), config: false });
        if (!first.ok) return; // Specs that cannot load are covered by test/corpus.test.ts.
        const bare = normalize(first.spec);
        const tags = [...new Set(bare.routes.flatMap((r) => r.tags))].sort();
        const config = join(tempDir(), 'gateplan.yaml');
        writeFileSync(config, configFor(tags, Object.keys(bare.auth)));
        // The same spec with the config: read once, not twice (GitHub's is 13 MB).
        const spec = await withConfig(first.spec, config, { cwd: join(entry.file, '..') });
        expect(spec.config?.display, 'the config was read').toBeDefined();
        const model = normalize(spec);
        if (model.routes.length === 0) return;
        // GitHub's 1,222 routes take seconds to verify; the matcher probes still check them.
        const compile = entry.id === 'oas30-github-api-gz' ? compileAlb : compileVerified;
        const plan = compile(model);
        expect(misroutedRequests(model, plan)).toEqual([]);
        expect(strayRequests(model, plan)).toEqual([]);
        expect(misroutedProbes(model, plan)).toEqual([]);
        const strict: RouteModel = { ...model, alb: { ...model.alb, unmatched: 'default' } };
        const strictPlan = compile(strict);
        expect(misroutedProbes(strict, strictPlan)).toEqual([]);
        expect(misroutedRequests(strict, strictPlan)).toEqual([]);
        const overflow = plan.diagnostics.some((d) => d.code === 'GP200');
        expect(overflow).toBe(plan.usage.rules + plan.usage.fallbackRules > ALB_QUOTAS.rulesPerLoadBalancer);
      },
      120_000,
    );
  }
});
