import { github } from './github.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { text } from './text.js';
import type { DiffFormat, DiffFormatter } from './types.js';

export const diffFormatters: Record<DiffFormat, DiffFormatter> = { text, markdown, json, github };
export const DIFF_FORMATS = Object.keys(diffFormatters) as DiffFormat[];
export type { DiffFormat, DiffFormatter, DiffFormatContext } from './types.js';
export { COMMENT_MARKER } from './markdown.js';
export { DIFF_JSON_SCHEMA_VERSION, diffJson } from './json.js';
