export { normalize, type NormalizeOptions } from './normalize.js';
export { publishedSchemas } from './intent/schema.js';
export { routeAuth, type RouteAuth } from './route-auth.js';
export type * from './types.js';
