import type { Route } from './types.js';

/** What API Gateway REST can check on a request before the backend sees it. */
export interface Checks {
  /** The body, against its JSON schema. */
  body: boolean;
  /** Required query strings and headers are present. */
  params: boolean;
}

/** What the operation describes that could be checked: a body schema, required parameters. */
export function checkable(route: Route): Checks {
  return {
    body: Object.values(route.requestBody?.content ?? {}).some((media) => media.schema !== undefined),
    params: route.params.some((p) => p.in !== 'path' && p.in !== 'cookie' && p.required),
  };
}

/** What is checked: what the operation describes, narrowed by the route's `validate` setting. */
export function requestChecks(route: Route): Checks {
  const can = checkable(route);
  const setting = route.validate;
  if (setting === false) return { body: false, params: false };
  return { body: can.body && setting !== 'params', params: can.params && setting !== 'body' };
}
