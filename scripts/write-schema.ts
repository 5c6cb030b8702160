import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedSchemas } from '../src/model/intent/schema.js';
import { renderValidatorModule, VALIDATOR_MODULES } from './validators.js';

/**
 * Writes schema/*.json from the schemas gateplan validates with, and the validators precompiled
 * from them (`npm run schema`).
 */
for (const [name, schema] of Object.entries(publishedSchemas())) {
  writeFileSync(join(import.meta.dirname, '..', 'schema', name), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote schema/${name}`);
}
for (const module of VALIDATOR_MODULES) {
  writeFileSync(join(import.meta.dirname, '..', module.path), renderValidatorModule(module));
  console.log(`wrote ${module.path}`);
}
