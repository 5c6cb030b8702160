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
export interface LambdaAddress {
  partition: string;
  region: string;
  account: string;
  /** `name` or `name:alias`. */
  name: string;
  /** False when the backend gave only a name: account and region are the API's own. */
  full: boolean;
}

const FUNCTION = '([A-Za-z0-9_-]+(?::[A-Za-z0-9_$-]+)?)';
const LAMBDA_ARN = new RegExp(
  `^arn:([^:]+):lambda:([a-z]{2}(?:-[a-z]+)+-\\d):(\\d{12}):function:${FUNCTION}$`,
);
/** An ARN whose account or region is a placeholder (`ACCOUNT_ID`, `XXXXXXXXXXXX`), as in samples. */
const PLACEHOLDER_ARN = new RegExp(`^arn:[^:]*:lambda:[^:]*:[^:]*:function:${FUNCTION}$`);

/** Import-time variables API Gateway resolves in integration URIs. */
export const AWS_PARTITION = '${AWS::Partition}';
export const AWS_REGION = '${AWS::Region}';
export const AWS_ACCOUNT = '${AWS::AccountId}';

export function parseLambdaArn(arn: string): LambdaAddress {
  const m = LAMBDA_ARN.exec(arn);
  if (m) return { partition: m[1]!, region: m[2]!, account: m[3]!, name: m[4]!, full: true };
  const name = PLACEHOLDER_ARN.exec(arn)?.[1] ?? arn;
  return { partition: AWS_PARTITION, region: AWS_REGION, account: AWS_ACCOUNT, name, full: false };
}

/** The API Gateway "invoke Lambda" URI for a function, with `name` as given (maybe a stage variable). */
export function lambdaInvocationUri(address: LambdaAddress, name: string = address.name): string {
  const fn = `arn:${address.partition}:lambda:${address.region}:${address.account}:function:${name}`;
  return `arn:${address.partition}:apigateway:${address.region}:lambda:path/2015-03-31/functions/${fn}/invocations`;
}

/** The function ARN a Lambda permission names. */
export function lambdaFunctionArn(address: LambdaAddress): string {
  return `arn:${address.partition}:lambda:${address.region}:${address.account}:function:${address.name}`;
}

/** `${stageVariables.name}`: how an integration refers to a stage variable. */
export function stageVariableRef(name: string): string {
  return '${stageVariables.' + name + '}';
}
