/**
 * How many cases a slow property test tries: a few in `npm test` (with a fixed seed, so a
 * failure reproduces), many for a local soak with `GATEPLAN_SOAK=1` (a fresh seed each run,
 * printed by fast-check when a case fails).
 */
export function propertyRuns(inTestSuite: number): { numRuns: number; seed?: number } {
  const soak = process.env['GATEPLAN_SOAK'];
  if (!soak) return { numRuns: inTestSuite, seed: 13 };
  return { numRuns: Number(soak) > 1 ? Number(soak) : inTestSuite * 20 };
}
