import type { Diagnostic } from './diagnostic.js';

/** usage: bad flags; input: a spec that cannot be used at all; internal: our bug. */
export type ErrorKind = 'usage' | 'input' | 'internal';

export class GateplanError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}
