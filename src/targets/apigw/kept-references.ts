/**
 * An `x-amazon-apigateway-integration` kept as written often names things the template the
 * spec came from defines: AWS's samples ship the spec inside a SAM or CloudFormation template
 * (`credentials: { Fn::GetAtt: [CrudRole, Arn] }`, `Fn::Sub` over `${CrudDDB}`) or render it
 * with Terraform's `templatefile` (`uri: ${openapi_demo_lambda_uri}`). gateplan's stack has no
 * such resources or variables, so each reference becomes a stack parameter (a Terraform
 * variable) the user supplies, instead of a template that does not deploy.
 */
import { pascalId } from '../../model/ids.js';
import type { StackParameter } from './plan.js';
import { AWS_ACCOUNT, AWS_PARTITION, AWS_REGION, Substituted, type Placeholder } from './substitution.js';

/** What one reference became. */
export interface KeptReference {
  /** As written: `Fn::GetAtt CrudRole.Arn`, `${CrudDDB}`, `${openapi_demo_lambda_uri}`. */
  written: string;
  parameter: string;
}

const PSEUDO: Record<string, Placeholder> = {
  'AWS::Partition': AWS_PARTITION,
  'AWS::Region': AWS_REGION,
  'AWS::AccountId': AWS_ACCOUNT,
};

/** Fields API Gateway reads as addresses, where a `${name}` is a template variable of the spec's origin. */
const ADDRESS_FIELDS = ['uri', 'credentials', 'connectionId'];
/** `${name}`: a template variable; stage variables (`${stageVariables.x}`) and `${AWS::Region}` are API Gateway's. */
const TEMPLATE_VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/;

/**
 * The integration with each reference to the spec's origin replaced by a stack parameter
 * (added to `parameters` once per name), and what was replaced. Pure.
 */
export function parameterizeKept(
  integration: Record<string, unknown>,
  parameters: StackParameter[],
): { integration: Record<string, unknown>; references: KeptReference[] } {
  const references: KeptReference[] = [];
  const param = (name: string, written: string, description: string): Placeholder => {
    const parameter = pascalId(name, 255);
    if (!references.some((r) => r.written === written)) references.push({ written, parameter });
    if (!parameters.some((p) => p.name === parameter)) parameters.push({ name: parameter, description });
    return { param: parameter };
  };
  const origin = 'defined by the template the spec came from';
  const reference = (name: string): Placeholder => {
    const pseudo = PSEUDO[name];
    if (pseudo) return pseudo;
    const [resource, attribute] = name.split('.');
    return attribute
      ? param(`${resource}${attribute}`, `Fn::GetAtt ${name}`, `The ${attribute} of ${resource}, ${origin}`)
      : param(name, `Ref ${name}`, `${name}, ${origin}`);
  };
  const walk = (value: unknown, field?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (typeof value === 'string')
      return field && ADDRESS_FIELDS.includes(field) ? templateVariables(value) : value;
    if (typeof value !== 'object' || value === null) return value;
    const entries = Object.entries(value);
    const [key, arg] = entries.length === 1 ? entries[0]! : [];
    if (key === 'Ref' && typeof arg === 'string') return new Substituted([reference(arg)]);
    if (key === 'Fn::GetAtt') {
      const name = Array.isArray(arg) ? arg.join('.') : String(arg);
      return new Substituted([reference(name.includes('.') ? name : `${name}.Arn`)]);
    }
    if (key === 'Fn::Sub' && (typeof arg === 'string' || (Array.isArray(arg) && typeof arg[0] === 'string')))
      return subParts(Array.isArray(arg) ? String(arg[0]) : arg, Array.isArray(arg) ? arg[1] : undefined);
    return Object.fromEntries(entries.map(([k, v]) => [k, walk(v, k)]));
  };
  const templateVariables = (text: string): string | Substituted => {
    if (!TEMPLATE_VARIABLE.test(text)) return text;
    return split(text, TEMPLATE_VARIABLE, (name) =>
      param(
        name,
        `\${${name}}`,
        `\${${name}} in the spec's x-amazon-apigateway-integration, a variable of the template it came from`,
      ),
    );
  };
  /** `Fn::Sub` text: `${Name}` and `${Resource.Attr}` are references, `${!text}` is the literal `${text}`. */
  const subParts = (text: string, variables: unknown): string | Substituted => {
    const given =
      typeof variables === 'object' && variables !== null ? (variables as Record<string, unknown>) : {};
    return split(text, /\$\{([^}]*)\}/g, (name) => {
      if (name.startsWith('!')) return '${' + name.slice(1) + '}';
      const value = given[name];
      return typeof value === 'string' ? value : reference(name);
    });
  };
  return { integration: walk(integration) as Record<string, unknown>, references };
}

/** `text` with each match of `pattern` (group 1) replaced by what `part` makes of it. */
function split(
  text: string,
  pattern: RegExp,
  part: (name: string) => string | Placeholder,
): string | Substituted {
  const parts: (string | Placeholder)[] = [];
  let last = 0;
  for (const m of text.matchAll(new RegExp(pattern.source, 'g'))) {
    parts.push(text.slice(last, m.index), part(m[1]!));
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  const merged = parts.reduce<(string | Placeholder)[]>((out, p) => {
    const prev = out[out.length - 1];
    if (typeof p === 'string' && typeof prev === 'string') out[out.length - 1] = prev + p;
    else if (p !== '') out.push(p);
    return out;
  }, []);
  return merged.every((p) => typeof p === 'string') ? merged.join('') : new Substituted(merged);
}
