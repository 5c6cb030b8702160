import { configSelector, selectorText } from '../model/routes.js';
import type { FrontDoorId, Route, RouteModel } from '../model/types.js';
import { whyDoorCannotServe } from '../targets/door-support.js';
import { oneLine } from './comment.js';

/** Front doors init may leave a route out of: a REST API serves every route. */
const LIMITED_DOORS = ['apigw-http', 'alb'] as const satisfies readonly FrontDoorId[];

/** A route some front door cannot serve as described, and why, door by door. */
export interface LeftOutRoute {
  route: Route;
  doors: FrontDoorId[];
  reasons: string[];
}

/** The routes some front door cannot serve as the spec describes them. */
export function routesToLeaveOut(model: RouteModel): LeftOutRoute[] {
  return model.routes.flatMap((route) => {
    const doors: FrontDoorId[] = [];
    const reasons: string[] = [];
    for (const door of LIMITED_DOORS) {
      const why = whyDoorCannotServe(model, route, door);
      if (why === undefined) continue;
      doors.push(door);
      reasons.push(why);
    }
    return doors.length ? [{ route, doors, reasons }] : [];
  });
}

/**
 * Rules leaving each such route out of the front doors that cannot serve it (`leaveOutOf`),
 * one per route with a comment saying why: the other front doors serve it, so `generate`
 * writes every front door and none serves a route otherwise than described. `rulesOpen`: the
 * file already ends in a `rules:` list, which these join.
 */
export function leaveOutLines(model: RouteModel, left: LeftOutRoute[], rulesOpen: boolean): string[] {
  if (left.length === 0) return [];
  const intro = [
    '# A front door that cannot serve a route as the spec describes it leaves it out',
    '# (leaveOutOf) and the others serve it, rather than serve it otherwise. Delete an',
    '# entry to see what that front door reports instead.',
  ];
  const rules = left.flatMap(({ route, doors, reasons }) => [
    `# ${oneLine(`${route.method} ${route.path}: ${reasons.join('; ')}`)}`,
    `- match: ${selectorText(configSelector(route, model))}`,
    `  set: { leaveOutOf: [${doors.join(', ')}] }`,
  ]);
  const list = [...intro, ...rules].map((line) => `  ${line}`);
  return rulesOpen ? list : ['', 'rules:', ...list];
}
