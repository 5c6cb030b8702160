import { github } from './github.js';
import { json } from './json.js';
import { text } from './text.js';
import type { Formatter, OutputFormat } from './types.js';

export const formatters: Record<OutputFormat, Formatter> = { text, json, github };
export const OUTPUT_FORMATS = Object.keys(formatters) as OutputFormat[];
export type { Formatter, OutputFormat, FormatContext } from './types.js';
