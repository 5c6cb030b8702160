import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCodesMarkdown } from '../src/diagnostics/docs.js';

/** Writes docs/codes.md from the diagnostic catalog (`npm run docs`). */
writeFileSync(join(import.meta.dirname, '..', 'docs', 'codes.md'), renderCodesMarkdown());
console.log('wrote docs/codes.md');
