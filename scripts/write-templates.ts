import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { renderTemplatesModule, TEMPLATES_MODULE } from './templates-module.js';

/** Writes the bundled Terraform templates module from templates/terraform/*.hbs (`npm run templates`). */
writeFileSync(TEMPLATES_MODULE, renderTemplatesModule());
console.log(`wrote ${relative(process.cwd(), TEMPLATES_MODULE)}`);
