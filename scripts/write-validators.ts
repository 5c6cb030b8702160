import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderValidatorModule, VALIDATOR_MODULES } from './validators.js';

/** Writes the precompiled JSON Schema validators (`npm run validators`). */
for (const module of VALIDATOR_MODULES) {
  writeFileSync(join(import.meta.dirname, '..', module.path), renderValidatorModule(module));
  console.log(`wrote ${module.path}`);
}
