import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import { parseHttpUrl, parseLambdaArn } from '../addresses.js';
import { usedBackends } from '../route-backend.js';
import { suppliedVariable } from '../../../model/intent/backends.js';

/** GP126 / GP124: backends routes use whose URL is no http(s) URL, or whose Lambda is named but not by ARN. */
export function backendAddresses(model: RouteModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const backend of usedBackends(model)) {
    const target = backend.target;
    if (target.kind === 'http' && !parseHttpUrl(target.url))
      out.push(diagnostic('GP126', backend.where, { backend: backend.name, url: target.url }));
    if (target.kind === 'lambda') {
      const address = parseLambdaArn(target.functionArn);
      // A function supplied at deploy is a stack parameter of the kept integration (GP155).
      if (!address.full && !suppliedVariable(target.functionArn))
        out.push(
          diagnostic('GP124', backend.where, {
            backend: backend.name,
            arn: target.functionArn,
            name: address.name,
          }),
        );
    }
  }
  return out;
}
