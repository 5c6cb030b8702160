import type { AuthState } from './route-security.js';

/**
 * The auth of several APIs of one split, as one: API keys when any API uses them, every
 * stack parameter once, every finding, and the routes each unsupported scheme drops across
 * all of them (so GP108 counts them once).
 */
export function mergeAuthStates(states: AuthState[]): AuthState {
  const merged: AuthState = {
    schemes: {},
    usesApiKeys: states.some((s) => s.usesApiKeys),
    authorizerPermissions: states.flatMap((s) => s.authorizerPermissions),
    parameters: [],
    diagnostics: states.flatMap((s) => s.diagnostics),
    reported: new Set(states.flatMap((s) => [...s.reported])),
    unsupported: new Map(),
  };
  for (const state of states) {
    for (const p of state.parameters)
      if (!merged.parameters.some((q) => q.name === p.name)) merged.parameters.push(p);
    for (const [name, entry] of state.unsupported) {
      const into = merged.unsupported.get(name) ?? { named: entry.named, routes: [] };
      into.routes.push(...entry.routes);
      merged.unsupported.set(name, into);
    }
  }
  return merged;
}
