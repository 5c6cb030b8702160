import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedSchemas } from '../src/model/intent/schema.js';

/** Writes schema/*.json from the schemas gateplan validates with (`npm run schema`). */
for (const [name, schema] of Object.entries(publishedSchemas())) {
  writeFileSync(join(import.meta.dirname, '..', 'schema', name), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote schema/${name}`);
}
