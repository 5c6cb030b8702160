import type { Backend, Route, RouteModel } from '../../model/types.js';
import { byKey, compareText } from '../../util/order.js';

/**
 * The one backend API Gateway sends a route to. A weighted (A/B) route cannot be split by
 * API Gateway, so it goes to its heaviest backend (ties: the first by name) and says so.
 */
export function primaryBackendName(route: Route): string {
  if ('backend' in route.backend) return route.backend.backend;
  const sorted = [...route.backend.weighted].sort(
    (a, b) => b.weight - a.weight || compareText(a.backend, b.backend),
  );
  return sorted[0]?.backend ?? '';
}

export function primaryBackend(model: RouteModel, route: Route): Backend | undefined {
  return model.backends[primaryBackendName(route)];
}

/** Backends some route sends traffic to, sorted by name. */
export function usedBackends(model: RouteModel): Backend[] {
  const names = new Set(model.routes.map(primaryBackendName));
  return Object.values(model.backends)
    .filter((b) => names.has(b.name))
    .sort(byKey((x) => x.name));
}
