import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { shortList } from '../format/list.js';
import { routeLabel } from '../model/routes.js';
import type { FrontDoorId, RouteModel } from '../model/types.js';

/** The routes one front door serves, and what it says about those gateplan.yaml leaves out of it. */
export interface DoorRoutes {
  /** The model without the routes left out of this door (`leaveOutOf`). */
  model: RouteModel;
  diagnostics: Diagnostic[];
  /**
   * Every route is left out: the door writes nothing (GP153) rather than deploy an API that
   * answers every request with 404.
   */
  empty: boolean;
}

/**
 * The model a front door serves: routes gateplan.yaml leaves out of it are removed, as if the
 * spec did not declare them there, and one finding lists them (GP152). Every target reads its
 * door's model from here, so a route left out is left out of the import document, the stack
 * and the Terraform module alike.
 */
export function doorRoutes(model: RouteModel, door: FrontDoorId, target: string = door): DoorRoutes {
  const leftOut = model.routes.filter((r) => r.leftOutOf?.includes(door));
  if (leftOut.length === 0) return { model, diagnostics: [], empty: false };
  const routes = model.routes.filter((r) => !leftOut.includes(r));
  const where = leftOut[0]!.where;
  const diagnostics =
    routes.length === 0 && !model.catchAll
      ? [diagnostic('GP153', where, { door, target, count: leftOut.length })]
      : [
          diagnostic('GP152', where, {
            door,
            count: leftOut.length,
            routes: shortList(leftOut.map(routeLabel)),
          }),
        ];
  return { model: { ...model, routes }, diagnostics, empty: routes.length === 0 && !model.catchAll };
}
