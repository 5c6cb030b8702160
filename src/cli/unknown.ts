import { GateplanError } from '../diagnostics/errors.js';

/**
 * A word on the command line that is no command or option (`Unknown argument: formt`). The
 * suggestions are made when it is reported (report.ts), where the library is loaded anyway.
 */
export class UnknownWordsError extends GateplanError {
  constructor(
    message: string,
    readonly words: string[],
    /** The options of the command that was parsed (or the global ones). */
    readonly options: string[],
    readonly commands: string[],
  ) {
    super('usage', message);
  }
}
