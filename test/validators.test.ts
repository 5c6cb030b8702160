import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderValidatorModule, VALIDATOR_MODULES } from '../scripts/validators.js';

const REPO = join(import.meta.dirname, '..');

describe('precompiled JSON Schema validators', () => {
  for (const module of VALIDATOR_MODULES) {
    it(`${module.path} is what \`npm run schema\` writes from ${module.schemaModule}`, () => {
      const stale = 'stale: run `npm run schema` and commit';
      expect(readFileSync(join(REPO, module.path), 'utf8'), stale).toBe(renderValidatorModule(module));
    });
  }
});
