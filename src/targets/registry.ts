import { modelTarget } from './model/index.js';
import { apigwHttpTarget, apigwRestTarget } from './apigw/index.js';
import { terraformTarget } from './terraform/index.js';
import { albTarget } from './alb/index.js';
import type { Target } from './target.js';

/** Every target `generate --target` accepts, by id. */
export const targets: Record<string, Target> = {
  [modelTarget.id]: modelTarget,
  [apigwRestTarget.id]: apigwRestTarget,
  [apigwHttpTarget.id]: apigwHttpTarget,
  [terraformTarget.id]: terraformTarget,
  [albTarget.id]: albTarget,
};

export const DEFAULT_TARGETS = ['model'];
