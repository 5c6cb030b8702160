import { describe, expect, it } from 'vitest';
import { generate } from '../src/targets/generate.js';
import { targets } from '../src/targets/registry.js';
import { exampleSpecs, modelOf } from './support/pipeline.js';

/**
 * Golden files: test/golden/<spec>/<target>/<file>. Regenerate with `npm run golden` and
 * review the diff; CI never writes them.
 */
const GOLDEN_VARIANTS: { target: string; for?: string }[] = [
  ...Object.keys(targets)
    .filter((id) => id !== 'terraform')
    .map((target) => ({ target })),
  ...['apigw-rest', 'apigw-http', 'alb', 'apigw+alb'].map((door) => ({ target: 'terraform', for: door })),
];

describe('golden files', () => {
  for (const spec of exampleSpecs()) {
    const name = spec.replace(/^specs\//, '').replace(/\.(ya?ml|json)$/, '');
    for (const variant of GOLDEN_VARIANTS) {
      it(`${name} × ${variant.target}${variant.for ? ` --for ${variant.for}` : ''}`, async () => {
        const model = await modelOf(spec);
        const result = generate(model, {
          targets: [variant.target],
          ...(variant.for ? { for: variant.for } : {}),
        });
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        expect(errors).toEqual([]);
        const dir = variant.for ? `${variant.target}-${variant.for.replace('+', '-')}` : variant.target;
        for (const artifact of result.artifacts) {
          const file =
            variant.target === 'model'
              ? `model/${artifact.path}`
              : artifact.path.replace(`${variant.target}/`, `${dir}/`);
          await expect(artifact.content).toMatchFileSnapshot(`golden/${name}/${file}`);
        }
      });
    }
  }
});
