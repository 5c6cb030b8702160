export { generate, UnknownTargetError, type GenerateOptions, type GenerateResult } from './generate.js';
export { targets } from './registry.js';
export type { Target, TargetResult, TargetOptions } from './target.js';
export type { Artifact } from './artifact.js';
export {
  FRONT_DOORS as TERRAFORM_FRONT_DOORS,
  DEFAULT_FRONT_DOOR as DEFAULT_TERRAFORM_FRONT_DOOR,
  type FrontDoor as TerraformFrontDoor,
} from './terraform/index.js';
export { routeForms, ROUTE_FORM_TARGETS, type RouteForm, type RouteFormTarget } from './route-forms.js';
