import { catalog, type Code } from '../diagnostics/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { renderMessage } from '../diagnostics/diagnostic.js';
import type { Backend, RouteModel } from '../model/types.js';
import { integrationFeature, type FeatureId } from './features.js';

/** What a target's finding says about one feature on that front door. */
export interface Verdict {
  feature: FeatureId;
  /** impossible: left out or rejected; emulated: done another way; note: native with a caveat. */
  kind: 'impossible' | 'emulated' | 'note';
  /** How it is emulated, or why it cannot be done: the finding's own message. */
  text: string;
}

/** Which feature a code's findings are about; quota codes go to the quota table instead. */
type Classifier = (d: Diagnostic, model: RouteModel) => Omit<Verdict, 'text'> | 'quota' | 'ignore';

const authKind = (d: Diagnostic): FeatureId => `auth-${d.args.kind}` as FeatureId;
/** For findings that name the scheme only. */
const schemeKind = (d: Diagnostic, model: RouteModel): FeatureId => {
  const kind = model.auth[d.args.scheme ?? '']?.scheme.kind;
  return kind ? `auth-${kind}` : 'configuration';
};
const fixed = (feature: FeatureId, kind: Verdict['kind']) => () => ({ feature, kind });

/**
 * Findings → feature rows, keyed by code. The cells themselves come from the findings a
 * target actually emits for this spec; this only says which row a finding belongs to. Keyed by
 * string rather than `Code` so the target owners can retire a code without breaking this
 * build: `unclassifiedCodes` and `staleClassifiers` (both tested) keep the two in step.
 */
export const CLASSIFIERS: Readonly<Record<string, Classifier>> = {
  // API Gateway (REST and HTTP)
  GP100: fixed('path-templates', 'impossible'),
  GP101: () => 'quota',
  GP102: () => 'quota',
  GP103: fixed('methods', 'impossible'),
  GP105: () => 'ignore',
  GP106: fixed('weighted-routing', 'impossible'),
  GP107: fixed('auth-alternatives', 'impossible'),
  GP108: (d) => ({ feature: authKind(d), kind: 'impossible' }),
  GP109: fixed('auth-combination', 'impossible'),
  GP110: fixed('auth-alternatives', 'impossible'),
  GP111: (d) => ({ feature: featureNamed(d.args.feature ?? ''), kind: 'impossible' }),
  GP112: (d) => ({ feature: featureNamed(d.args.feature ?? ''), kind: 'impossible' }),
  GP113: fixed('long-timeouts', 'impossible'),
  GP114: fixed('long-timeouts', 'note'),
  GP115: () => 'quota',
  GP116: () => 'quota',
  GP117: fixed('request-validation', 'note'),
  GP118: fixed('canary', 'impossible'),
  GP119: fixed('auth-apiKey', 'note'),
  GP120: (d) => ({ feature: authKind(d), kind: 'impossible' }),
  GP121: fixed('integration-existing', 'note'),
  GP122: fixed('catch-all', 'impossible'),
  GP123: fixed('cors', 'impossible'),
  GP124: fixed('integration-lambda', 'note'),
  GP125: fixed('stages', 'impossible'),
  GP126: fixed('configuration', 'impossible'),
  GP127: fixed('configuration', 'impossible'),
  GP129: fixed('deploy', 'impossible'),
  GP131: () => 'quota',
  GP132: () => 'quota',
  GP133: fixed('quotas', 'impossible'),
  GP150: fixed('deploy', 'impossible'),
  GP155: fixed('integration-existing', 'note'),
  GP135: fixed('mixed-segments', 'emulated'),
  GP136: fixed('mixed-segments', 'impossible'),
  GP137: fixed('path-templates', 'emulated'),
  GP138: () => 'quota',
  GP139: () => 'quota',
  GP140: () => 'quota',
  GP141: () => 'quota',
  GP142: fixed('path-templates', 'emulated'),
  GP143: fixed('path-templates', 'emulated'),
  GP144: fixed('query-routing', 'emulated'),
  GP145: fixed('query-routing', 'impossible'),
  GP128: (d) => ({ feature: featureNamed(d.args.feature ?? ''), kind: 'impossible' }),
  // ALB
  GP200: () => 'quota',
  GP201: (d) => ({ feature: authKind(d), kind: 'impossible' }),
  GP202: fixed('cors', 'impossible'),
  GP203: fixed('stages', 'emulated'),
  GP204: fixed('throttling', 'emulated'),
  GP154: fixed('integration-existing', 'impossible'),
  GP205: (d) => ({
    feature: integrationFeature(d.args.kind as Backend['target']['kind']),
    kind: 'impossible',
  }),
  GP206: fixed('path-templates', 'emulated'),
  GP207: fixed('stages', 'note'),
  GP208: fixed('weighted-routing', 'impossible'),
  GP209: fixed('path-templates', 'impossible'),
  GP210: fixed('auth-alternatives', 'impossible'),
  GP211: () => 'quota',
  GP212: () => 'quota',
  // Auth actions cannot precede a forward to an HTTP2/gRPC target group: the scheme is not enforced there.
  GP213: (d, model) => ({ feature: schemeKind(d, model), kind: 'impossible' }),
  GP214: fixed('rule-limits', 'impossible'),
  GP215: fixed('quotas', 'impossible'),
  GP216: fixed('stages', 'impossible'),
  // A compiler fault found by the rule verifier: the door cannot be trusted to route.
  GP217: fixed('deploy', 'impossible'),
  GP218: fixed('stages', 'impossible'),
  GP219: fixed('stages', 'note'),
  GP171: fixed('integration-http', 'note'),
  GP172: fixed('timeouts', 'impossible'),
};

/**
 * Findings that leave routes out of a door's output (served by nothing there rather than served
 * unprotected or wrong): the routes they name and how many. A corpus test holds this table to
 * the import documents the targets write.
 */
export const LEAVES_OUT: Readonly<Record<string, (d: Diagnostic) => { named: string[]; count: number }>> = {
  GP108: (d) => ({ named: [d.args.route ?? ''], count: Number(d.args.count ?? 1) }),
  GP109: (d) => ({ named: [d.args.route ?? ''], count: 1 }),
  GP128: (d) => ({ named: [d.args.route ?? ''], count: 1 }),
};

/** Sorts one target's findings into feature verdicts and quota findings. */
export function classify(
  diagnostics: readonly Diagnostic[],
  model: RouteModel,
): {
  verdicts: (Verdict & { diagnostic: Diagnostic })[];
  quotas: Diagnostic[];
  unclassified: Diagnostic[];
} {
  const verdicts: (Verdict & { diagnostic: Diagnostic })[] = [];
  const quotas: Diagnostic[] = [];
  const unclassified: Diagnostic[] = [];
  for (const d of diagnostics) {
    const classifier = CLASSIFIERS[d.code];
    if (!classifier) {
      if (isTargetCode(d.code)) unclassified.push(d);
      continue;
    }
    const result = classifier(d, model);
    if (result === 'quota') quotas.push(d);
    else if (result !== 'ignore') verdicts.push({ ...result, text: renderMessage(d), diagnostic: d });
  }
  return { verdicts, quotas, unclassified };
}

/** Codes the front-door targets own (API Gateway and ALB stages). */
export function isTargetCode(code: Code): boolean {
  const stage = catalog[code].stage;
  return stage === 'apigw' || stage === 'apigw-rest' || stage === 'apigw-http' || stage === 'alb';
}

/** Target codes with no classifier: they would land in no row. A test keeps this empty. */
export function unclassifiedCodes(): Code[] {
  return (Object.keys(catalog) as Code[]).filter((code) => isTargetCode(code) && !CLASSIFIERS[code]);
}

/** Classifier keys that are no longer catalog codes. A test keeps this empty. */
export function staleClassifiers(): string[] {
  return Object.keys(CLASSIFIERS).filter((code) => !(code in catalog));
}

/**
 * GP111/GP112/GP128 name the missing feature in words ("request validation", "canary"); map the
 * words to a row. Words no row matches land in `configuration`, so nothing disappears.
 */
function featureNamed(words: string): FeatureId {
  const w = words.toLowerCase();
  const table: [RegExp, FeatureId][] = [
    [/per-route cors/, 'cors-per-route'],
    [/cors/, 'cors'],
    [/edge/, 'edge-endpoint'],
    [/canar/, 'canary'],
    [/validat/, 'request-validation'],
    [/quota/, 'quotas'],
    [/api key|usage plan/, 'auth-apiKey'],
    [/cognito/, 'auth-cognito'],
    [/throttl|rate limit/, 'throttling'],
    [/binary/, 'binary-media'],
    [/private/, 'private-endpoint'],
    [/s3/, 'integration-s3'],
    [/kinesis/, 'integration-kinesis'],
    [/mock/, 'integration-mock'],
    [/weight/, 'weighted-routing'],
    [/sticky|stickiness/, 'sticky-sessions'],
    [/grpc/, 'grpc'],
    [/http\/?2/, 'http2'],
    [/health/, 'health-checks'],
    [/algorithm/, 'lb-algorithm'],
    [/host/, 'host-routing'],
    [/header/, 'header-routing'],
    [/query/, 'query-routing'],
    [/source.?ip/, 'source-ip-routing'],
    [/stage variable|stage/, 'stages'],
    [/catch.?all|default route/, 'catch-all'],
    [/timeout/, 'long-timeouts'],
    [/integration/, 'integration-existing'],
  ];
  return table.find(([re]) => re.test(w))?.[1] ?? 'configuration';
}
