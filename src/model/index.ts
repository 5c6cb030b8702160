export { normalize, type NormalizeOptions } from './normalize.js';
export { publishedSchemas } from './intent/schema.js';
export type * from './types.js';
