import type { Backend, BackendTarget, TargetGroupSettings } from '../types.js';
import { diagnostic, type Diagnostic, type Where } from '../../diagnostics/diagnostic.js';
import { child } from '../document.js';
import type { RawBackend } from './raw.js';

const KINDS = ['url', 'lambda', 'mock', 's3', 'kinesis'] as const;

export function buildBackend(
  name: string,
  raw: RawBackend,
  where: Where,
  diagnostics: Diagnostic[],
): Backend | undefined {
  const present = KINDS.filter((k) => raw[k] !== undefined);
  if (present.length !== 1) {
    diagnostics.push(
      diagnostic('GP048', where, { backend: name, found: present.length ? present.join(', ') : 'none' }),
    );
    return undefined;
  }
  return { name, target: targetOf(raw), targetGroup: targetGroupOf(raw), where };
}

function targetOf(raw: RawBackend): BackendTarget {
  if (raw.url !== undefined) {
    const target: BackendTarget = { kind: 'http', url: raw.url };
    if (raw.vpcLink) target.vpcLink = raw.vpcLink === true ? {} : { ...raw.vpcLink };
    return target;
  }
  if (raw.lambda !== undefined) return { kind: 'lambda', functionArn: raw.lambda };
  if (raw.s3) {
    return {
      kind: 's3',
      bucket: raw.s3.bucket,
      ...pick({ key: raw.s3.key, roleArn: raw.s3.role, region: raw.s3.region }),
    };
  }
  if (raw.kinesis) {
    return {
      kind: 'kinesis',
      streamName: raw.kinesis.stream,
      ...pick({ roleArn: raw.kinesis.role, region: raw.kinesis.region }),
    };
  }
  return { kind: 'mock', statusCode: raw.mock?.statusCode ?? 200, ...pick({ body: raw.mock?.body }) };
}

function targetGroupOf(raw: RawBackend): TargetGroupSettings {
  const settings: TargetGroupSettings = {};
  settings.targetType = raw.targetType ?? (raw.lambda !== undefined ? 'lambda' : 'ip');
  if (raw.url !== undefined && settings.targetType !== 'lambda') {
    const parsed = safeUrl(raw.url);
    settings.protocol = raw.protocol ?? (parsed?.protocol === 'https:' ? 'HTTPS' : 'HTTP');
    settings.port =
      raw.port ?? (parsed?.port ? Number(parsed.port) : settings.protocol === 'HTTPS' ? 443 : 80);
  } else {
    if (raw.protocol) settings.protocol = raw.protocol;
    if (raw.port) settings.port = raw.port;
  }
  if (raw.protocolVersion) settings.protocolVersion = raw.protocolVersion;
  if (raw.health) settings.health = typeof raw.health === 'string' ? { path: raw.health } : { ...raw.health };
  if (raw.algorithm) settings.algorithm = raw.algorithm;
  if (raw.stickiness) settings.stickiness = { ...raw.stickiness };
  if (raw.deregistrationDelaySeconds !== undefined)
    settings.deregistrationDelaySeconds = raw.deregistrationDelaySeconds;
  if (raw.slowStartSeconds !== undefined) settings.slowStartSeconds = raw.slowStartSeconds;
  return settings;
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function pick<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Backends implied by an existing `x-amazon-apigateway-integration`, named after what they call. */
export function backendFromIntegration(
  integration: Record<string, unknown>,
  where: Where,
): { backend: Backend; verbatim: boolean } | undefined {
  const type = String(integration.type ?? '').toLowerCase();
  const uri = typeof integration.uri === 'string' ? integration.uri : '';
  const at = child(where);
  if (type === 'mock') {
    return {
      backend: { name: 'mock', target: { kind: 'mock', statusCode: 200 }, targetGroup: {}, where: at },
      verbatim: false,
    };
  }
  const invoked = /functions\/(.+)\/invocations/.exec(uri)?.[1];
  // AWS_PROXY calls Lambda only: a URI that is one template variable names a function supplied at deploy.
  const arn = invoked ?? (type === 'aws_proxy' && suppliedVariable(uri) ? uri : undefined);
  if ((type === 'aws_proxy' || type === 'aws') && arn) {
    const fn = /function:([^:/]+)/.exec(arn)?.[1] ?? arn;
    return {
      backend: {
        name: backendName('lambda', fn),
        target: { kind: 'lambda', functionArn: arn },
        targetGroup: { targetType: 'lambda' },
        where: at,
      },
      verbatim: type === 'aws',
    };
  }
  if ((type === 'http' || type === 'http_proxy') && uri) {
    const origin = /^(https?:\/\/[^/]+)/i.exec(uri)?.[1] ?? uri;
    const host = origin.replace(/^https?:\/\//i, '');
    return {
      backend: {
        name: backendName('http', host),
        target: { kind: 'http', url: origin },
        targetGroup: targetGroupOf({ url: origin }),
        where: at,
      },
      verbatim: type === 'http' || uri.replace(origin, '') !== '',
    };
  }
  if (type === 'aws' || type === 'aws_proxy') {
    const service = /^arn:[^:]+:apigateway:[^:]*:([^:]+):/.exec(uri)?.[1] ?? 'service';
    return {
      backend: {
        name: backendName('aws', service),
        target: { kind: 'apigw-integration', integration },
        targetGroup: {},
        where: at,
      },
      verbatim: true,
    };
  }
  return undefined;
}

function backendName(prefix: string, text: string): string {
  const slug = text
    .replace(/\$\{[^}]*\}/g, (m) => m.replace(/[^A-Za-z0-9]+/g, '-'))
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return `${prefix}-${slug || 'x'}`;
}

/**
 * The variable a value is made of when it is one template variable, `${name}` (a spec rendered
 * by Terraform's `templatefile`, say): what the user supplies when deploying.
 */
export function suppliedVariable(value: string): string | undefined {
  return /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(value)?.[1];
}
