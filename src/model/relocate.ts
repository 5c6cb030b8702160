import { sortDiagnostics, type Where } from '../diagnostics/diagnostic.js';
import type { LocationMap } from './input.js';
import type { RouteModel } from './types.js';

/** Rewrites every location in a model through `origins`, so routes point at what users edit. */
export function relocateModel(model: RouteModel, origins: LocationMap): void {
  const at = (where: Where): Where => {
    // Line and column belonged to the old location; the new one is located afresh.
    const resolved = origins.resolve(where);
    return resolved === where ? where : resolved;
  };
  for (const route of model.routes) route.where = at(route.where);
  for (const backend of Object.values(model.backends)) backend.where = at(backend.where);
  for (const stage of Object.values(model.stages)) stage.where = at(stage.where);
  for (const scheme of Object.values(model.auth)) scheme.where = at(scheme.where);
  model.diagnostics = sortDiagnostics(model.diagnostics.map((d) => ({ ...d, where: at(d.where) })));
}
