import { AWS_ACCOUNT, AWS_PARTITION, AWS_REGION, sub, type Substituted } from './substitution.js';

/** Parsing of backend addresses into the parts API Gateway lets a stage variable replace. */

/** An HTTP backend URL split so the host can live in a stage variable (the scheme cannot). */
export interface HttpAddress {
  scheme: 'http' | 'https';
  /** `host[:port]`: the part a stage variable holds. */
  host: string;
  /** Path prefix of the backend URL, without a trailing slash ('' for none). */
  basePath: string;
}

export function parseHttpUrl(url: string): HttpAddress | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (!parsed.host) return undefined;
  return {
    scheme: parsed.protocol === 'https:' ? 'https' : 'http',
    host: parsed.host,
    basePath: parsed.pathname.replace(/\/+$/, ''),
  };
}

/** A Lambda function ARN split so the function name (with qualifier) can live in a stage variable. */
export type LambdaAddress =
  | {
      full: true;
      partition: string;
      region: string;
      account: string;
      /** `name` or `name:alias`. */ name: string;
    }
  /** Only a name was given: the function is the API's own account's, in its own region. */
  | { full: false; name: string };

const FUNCTION = '([A-Za-z0-9_-]+(?::[A-Za-z0-9_$-]+)?)';
const LAMBDA_ARN = new RegExp(
  `^arn:([^:]+):lambda:([a-z]{2}(?:-[a-z]+)+-\\d):(\\d{12}):function:${FUNCTION}$`,
);
/** An ARN whose account or region is a placeholder (`ACCOUNT_ID`, `XXXXXXXXXXXX`), as in samples. */
const PLACEHOLDER_ARN = new RegExp(`^arn:[^:]*:lambda:[^:]*:[^:]*:function:${FUNCTION}$`);

export function parseLambdaArn(arn: string): LambdaAddress {
  const m = LAMBDA_ARN.exec(arn);
  if (m) return { full: true, partition: m[1]!, region: m[2]!, account: m[3]!, name: m[4]! };
  return { full: false, name: PLACEHOLDER_ARN.exec(arn)?.[1] ?? arn };
}

/** The API Gateway "invoke Lambda" URI for a function, with `name` as given (maybe a stage variable). */
export function lambdaInvocationUri(
  address: LambdaAddress,
  name: string = address.name,
): string | Substituted {
  const [partition, region, account] = address.full
    ? [address.partition, address.region, address.account]
    : [AWS_PARTITION, AWS_REGION, AWS_ACCOUNT];
  return sub`arn:${partition}:apigateway:${region}:lambda:path/2015-03-31/functions/arn:${partition}:lambda:${region}:${account}:function:${name}/invocations`;
}

/** The ARN of a function given in full. */
export function lambdaFunctionArn(address: Extract<LambdaAddress, { full: true }>): string {
  return `arn:${address.partition}:lambda:${address.region}:${address.account}:function:${address.name}`;
}

/** `${stageVariables.name}`: how an integration refers to a stage variable. */
export function stageVariableRef(name: string): string {
  return '${stageVariables.' + name + '}';
}
