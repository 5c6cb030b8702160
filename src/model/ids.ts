import { createHash } from 'node:crypto';
import type { Route } from './types.js';

/** Short, stable hash of a string (hex). */
export function shortHash(input: string, length = 8): string {
  return createHash('sha256').update(input).digest('hex').slice(0, length);
}

/** PascalCase alphanumerics, for CloudFormation logical ids (`[A-Za-z0-9]+`). */
export function pascalId(text: string, maxLength = 60): string {
  const words = text
    .replace(/\{([^}]*)\+\}/g, ' $1 proxy ')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const id = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return id.slice(0, maxLength) || 'X';
}

/**
 * An id per name where names that would share one (`a-b` and `a_b` both become `AB`) each get
 * a hash of the name appended, so every name keeps its own resource; the others keep the
 * plain id, so adding a name changes only the names it collides with.
 */
export function distinctIds(
  names: readonly string[],
  idOf: (name: string) => string,
  hashLength = 6,
): Map<string, string> {
  const ids = new Map(names.map((n) => [n, idOf(n)]));
  const counts = new Map<string, number>();
  for (const id of ids.values()) counts.set(id, (counts.get(id) ?? 0) + 1);
  return new Map([...ids].map(([n, id]) => [n, counts.get(id)! > 1 ? id + shortHash(n, hashLength) : id]));
}

/** lower-kebab, for Terraform block names, target-group names and the like. */
export function kebabId(text: string, maxLength = 60): string {
  const id = text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id.slice(0, maxLength).replace(/-+$/, '') || 'x';
}

/**
 * The human part of a route's generated names, by precedence: `x-gateplan.name`, then
 * operationId, then method + path. The route id's hash keeps names unique and stable.
 */
export function routeNameBase(route: Pick<Route, 'name' | 'operationId' | 'method' | 'path'>): string {
  return route.name ?? route.operationId ?? `${route.method.toLowerCase()} ${route.path}`;
}

/** A CloudFormation logical id for a route: readable prefix + hash of the route id. */
export function routeLogicalId(
  route: Pick<Route, 'id' | 'name' | 'operationId' | 'method' | 'path'>,
  prefix = '',
): string {
  return prefix + pascalId(routeNameBase(route), 48) + shortHash(route.id, 6);
}
