import type { RouteModel } from '../../model/types.js';
import type { Target } from '../target.js';

/** The normalized route model itself, for review and for tools built on gateplan. */
export const modelTarget: Target = {
  id: 'model',
  summary: 'the normalized route model as JSON (model.json)',
  plan(model: RouteModel) {
    const { diagnostics: _diagnostics, ...rest } = model;
    return {
      artifacts: [{ path: 'model.json', content: JSON.stringify(rest, null, 2) + '\n' }],
      diagnostics: [],
    };
  },
};
