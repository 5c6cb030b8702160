export { compare } from './compare.js';
export { DOORS, TARGET_DOORS, type CompareReport, type Row, type Cell, type Support } from './report.js';
export { compareFormatters, compareJson, COMPARE_FORMATS, type CompareFormat } from './render.js';
