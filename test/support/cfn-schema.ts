/**
 * Checks a CloudFormation template object against the official resource schemas as shipped in
 * `@aws-cdk/aws-service-spec` (the CDK team's database built from the CloudFormation registry
 * schemas), plus the template-level rules CloudFormation enforces before it creates anything.
 *
 * Scalar coercion follows CloudFormation, which converts template scalars to the schema's type:
 * a number or boolean is accepted where a string is expected, a numeric string where a number is,
 * and "true"/"false" where a boolean is. Structural mismatches (object vs list vs scalar) and
 * non-numeric strings for numbers are errors. Value constraints (lengths, patterns, ranges) come
 * from the registry schemas via `cfn-constraints.ts`. Measured on live stacks (go-to-k/cdkd#3135): "6",
 * "+8" and "010" pass as integers; " 7 ", "7 ", "" and "0x9" are rejected.
 */
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import { cfnConstraintProblems } from './cfn-constraints.js';

/** The parts of the spec database's type language this validator reads. */
type SpecType =
  | { type: 'string'; allowedValues?: string[] }
  | { type: 'integer'; allowedValues?: number[] }
  | { type: 'number' | 'boolean' | 'json' | 'date-time' | 'null' | 'tag' }
  | { type: 'ref'; reference: { $ref: string } }
  | { type: 'array' | 'map'; element: SpecType }
  | { type: 'union'; types: SpecType[] };

interface SpecProperty {
  type: SpecType;
  previousTypes?: SpecType[];
  required?: boolean;
}

interface SpecShape {
  properties: Record<string, SpecProperty>;
}

interface SpecResource extends SpecShape {
  cloudFormationType: string;
  attributes: Record<string, unknown>;
}

type SpecDb = ReturnType<typeof loadAwsServiceSpecSync>;

/** CloudFormation quotas (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html). */
const LIMITS = {
  resources: 500,
  parameters: 200,
  outputs: 200,
  mappings: 200,
  logicalIdLength: 255,
  bytes: 1_000_000,
  /** The template's and each output's Description (template-description-structure.html). */
  descriptionBytes: 1024,
  /** A parameter's Description (parameters-section-structure.html). */
  parameterDescriptionChars: 4000,
};

const TOP_LEVEL_KEYS = new Set([
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
]);
const RESOURCE_KEYS = new Set([
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'Metadata',
  'CreationPolicy',
  'UpdatePolicy',
]);
const PARAMETER_KEYS = new Set([
  'Type',
  'Default',
  'AllowedValues',
  'AllowedPattern',
  'ConstraintDescription',
  'Description',
  'MaxLength',
  'MaxValue',
  'MinLength',
  'MinValue',
  'NoEcho',
]);
const OUTPUT_KEYS = new Set(['Value', 'Description', 'Export', 'Condition']);
const PARAMETER_TYPE =
  /^(String|Number|List<Number>|CommaDelimitedList|AWS::[A-Za-z0-9]+::[A-Za-z0-9:]+|List<AWS::[A-Za-z0-9]+::[A-Za-z0-9:]+>|AWS::SSM::Parameter::Value<.+>)$/;
const POLICIES = new Set(['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot']);
const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);
const LOGICAL_ID = /^[A-Za-z0-9]+$/;
/** Decimal only, no padding: what CloudFormation converts to a number. */
const NUMERIC_STRING = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Intrinsics and what they evaluate to, so a list-valued function in a scalar slot is caught. */
const INTRINSICS: Record<string, 'scalar' | 'list' | 'any'> = {
  Ref: 'any',
  'Fn::Base64': 'scalar',
  'Fn::Cidr': 'list',
  'Fn::FindInMap': 'any',
  'Fn::GetAtt': 'any',
  'Fn::GetAZs': 'list',
  'Fn::ImportValue': 'any',
  'Fn::Join': 'scalar',
  'Fn::Select': 'any',
  'Fn::Split': 'list',
  'Fn::Sub': 'scalar',
  'Fn::Transform': 'any',
  'Fn::If': 'any',
  'Fn::ToJsonString': 'scalar',
  'Fn::Length': 'scalar',
  'Fn::Equals': 'scalar',
  'Fn::And': 'scalar',
  'Fn::Or': 'scalar',
  'Fn::Not': 'scalar',
};

let cachedDb: SpecDb | undefined;
/** The database is ~60 MB of JSON; load it once per process. */
function specDb(): SpecDb {
  cachedDb ??= loadAwsServiceSpecSync();
  return cachedDb;
}

function resourceSpec(type: string): SpecResource | undefined {
  const found = specDb().lookup('resource', 'cloudFormationType', 'equals', type);
  return found[0] as SpecResource | undefined;
}

function typeDefinition(ref: { $ref: string }): SpecShape {
  return specDb().get('typeDefinition', ref.$ref) as unknown as SpecShape;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (isRecord(value)) return 'object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function typeName(type: SpecType): string {
  switch (type.type) {
    case 'array':
      return `list of ${typeName(type.element)}`;
    case 'map':
      return `map of ${typeName(type.element)}`;
    case 'union':
      return type.types.map(typeName).join(' | ');
    case 'ref':
      return 'object';
    default:
      return type.type;
  }
}

/** The intrinsic function name when `value` is `{ Ref: … }` or `{ "Fn::X": … }`. */
function intrinsicName(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** Type-checks one value; returns the problems found at and below `path`. */
function checkValue(value: unknown, type: SpecType, path: string): string[] {
  if (value === null || value === undefined) return [`${path}: null values are not allowed in templates`];
  const fn = intrinsicName(value);
  if (fn !== undefined) return checkIntrinsicType(fn, (value as Record<string, unknown>)[fn], type, path);
  switch (type.type) {
    case 'string':
    case 'date-time':
      if (isRecord(value) || Array.isArray(value))
        return [`${path}: expected ${type.type}, got ${describe(value)}`];
      if (type.type === 'string' && type.allowedValues && !type.allowedValues.includes(String(value))) {
        return [`${path}: ${JSON.stringify(value)} is not one of ${type.allowedValues.join(', ')}`];
      }
      return [];
    case 'integer':
    case 'number': {
      const n = typeof value === 'string' && NUMERIC_STRING.test(value) ? Number(value) : value;
      const ok =
        typeof n === 'number' && Number.isFinite(n) && (type.type === 'number' || Number.isInteger(n));
      if (!ok) return [`${path}: expected ${type.type}, got ${describe(value)}`];
      if (type.type === 'integer' && type.allowedValues && !type.allowedValues.includes(n)) {
        return [`${path}: ${n} is not one of ${type.allowedValues.join(', ')}`];
      }
      return [];
    }
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false'
        ? []
        : [`${path}: expected boolean, got ${describe(value)}`];
    case 'json':
      return [];
    case 'null':
      return [`${path}: expected null, got ${describe(value)}`];
    case 'tag':
      return checkShape(
        value,
        {
          properties: {
            Key: { type: { type: 'string' }, required: true },
            Value: { type: { type: 'string' }, required: true },
          },
        },
        path,
      );
    case 'ref':
      return checkShape(value, typeDefinition(type.reference), path);
    case 'array':
      if (!Array.isArray(value)) return [`${path}: expected ${typeName(type)}, got ${describe(value)}`];
      return value.flatMap((item, i) => checkValue(item, type.element, join(path, i)));
    case 'map':
      if (!isRecord(value)) return [`${path}: expected ${typeName(type)}, got ${describe(value)}`];
      return Object.entries(value).flatMap(([k, v]) => checkValue(v, type.element, join(path, k)));
    case 'union': {
      const attempts = type.types.map((t) => checkValue(value, t, path));
      if (attempts.some((a) => a.length === 0)) return [];
      // Report against the member whose shape matches best: the one with the fewest problems.
      return attempts.reduce((best, a) => (a.length < best.length ? a : best));
    }
  }
}

function checkIntrinsicType(fn: string, args: unknown, type: SpecType, path: string): string[] {
  const yields = INTRINSICS[fn];
  if (yields === undefined) return [`${path}: unknown intrinsic function ${fn}`];
  if (fn === 'Fn::If') {
    if (!Array.isArray(args) || args.length !== 3)
      return [`${path}: Fn::If takes [condition, ifTrue, ifFalse]`];
    return [
      ...checkBranch(args[1], type, join(join(path, 'Fn::If'), 1)),
      ...checkBranch(args[2], type, join(join(path, 'Fn::If'), 2)),
    ];
  }
  const wantsList = type.type === 'array';
  if (wantsList && yields === 'scalar') return [`${path}: ${fn} yields a string where a list is expected`];
  if (!wantsList && yields === 'list' && type.type !== 'json' && type.type !== 'union') {
    return [`${path}: ${fn} yields a list where ${typeName(type)} is expected`];
  }
  return [];
}

/** `Ref: AWS::NoValue` removes the property, so it fits any branch. */
function checkBranch(value: unknown, type: SpecType, path: string): string[] {
  if (isRecord(value) && value['Ref'] === 'AWS::NoValue') return [];
  return checkValue(value, type, path);
}

function checkShape(value: unknown, shape: SpecShape, path: string): string[] {
  if (!isRecord(value)) return [`${path}: expected object, got ${describe(value)}`];
  const problems: string[] = [];
  for (const [name, prop] of Object.entries(shape.properties)) {
    if (prop.required && !(name in value)) problems.push(`${join(path, name)}: required property missing`);
  }
  for (const [name, v] of Object.entries(value)) {
    const prop = shape.properties[name];
    if (!prop) {
      problems.push(
        `${join(path, name)}: unknown property (allowed: ${Object.keys(shape.properties).sort().join(', ')})`,
      );
      continue;
    }
    problems.push(...checkProperty(v, prop, join(path, name)));
  }
  return problems;
}

/** CloudFormation still accepts a property's earlier types, so a value fitting any of them passes. */
function checkProperty(value: unknown, prop: SpecProperty, path: string): string[] {
  const current = checkValue(value, prop.type, path);
  if (current.length === 0) return current;
  const earlier = (prop.previousTypes ?? []).some((t) => checkValue(value, t, path).length === 0);
  return earlier ? [] : current;
}

interface Scope {
  parameters: Set<string>;
  /** Logical id → resource type ('' when the type is missing). */
  resources: Map<string, string>;
  conditions: Set<string>;
  mappings: Set<string>;
}

function checkResources(
  resources: Record<string, unknown>,
  present: boolean,
  scope: Scope,
  transforms: string[],
): string[] {
  const problems: string[] = [];
  const count = Object.keys(resources).length;
  if (count === 0 && present) problems.push('Resources: at least one resource is required');
  if (count > LIMITS.resources)
    problems.push(`Resources: ${count} resources exceed the limit of ${LIMITS.resources}`);
  for (const [id, resource] of Object.entries(resources)) {
    const path = join('Resources', id);
    if (!isRecord(resource)) {
      problems.push(`${path}: expected object, got ${describe(resource)}`);
      continue;
    }
    for (const key of Object.keys(resource)) {
      if (!RESOURCE_KEYS.has(key)) problems.push(`${join(path, key)}: unknown resource attribute`);
    }
    for (const key of ['DeletionPolicy', 'UpdateReplacePolicy']) {
      const policy = resource[key];
      if (policy !== undefined && !POLICIES.has(String(policy))) {
        problems.push(
          `${join(path, key)}: ${JSON.stringify(policy)} is not one of ${[...POLICIES].join(', ')}`,
        );
      }
    }
    const condition = resource['Condition'];
    if (condition !== undefined && !scope.conditions.has(String(condition))) {
      problems.push(`${join(path, 'Condition')}: condition ${JSON.stringify(condition)} is not defined`);
    }
    const dependsOn = resource['DependsOn'];
    for (const dep of Array.isArray(dependsOn) ? dependsOn : dependsOn === undefined ? [] : [dependsOn]) {
      if (typeof dep !== 'string' || !scope.resources.has(dep)) {
        problems.push(
          `${join(path, 'DependsOn')}: ${JSON.stringify(dep)} is not a resource in this template`,
        );
      }
    }
    problems.push(...checkResourceProperties(resource, path, transforms));
  }
  return problems;
}

function checkResourceProperties(
  resource: Record<string, unknown>,
  path: string,
  transforms: string[],
): string[] {
  const type = resource['Type'];
  if (typeof type !== 'string') return [`${join(path, 'Type')}: required, must be a string`];
  if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return [];
  const spec = resourceSpec(type);
  if (!spec) {
    // A macro may define resource types the registry has never heard of.
    return transforms.length > 0 ? [] : [`${join(path, 'Type')}: unknown resource type ${type}`];
  }
  const properties = resource['Properties'] ?? {};
  return checkShape(properties, spec, join(path, 'Properties')).map((p) => `${p} [${type}]`);
}

function checkParameters(parameters: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const count = Object.keys(parameters).length;
  if (count > LIMITS.parameters)
    problems.push(`Parameters: ${count} exceed the limit of ${LIMITS.parameters}`);
  for (const [name, param] of Object.entries(parameters)) {
    const path = join('Parameters', name);
    if (!LOGICAL_ID.test(name)) problems.push(`${path}: parameter names must be alphanumeric`);
    if (!isRecord(param)) {
      problems.push(`${path}: expected object, got ${describe(param)}`);
      continue;
    }
    for (const key of Object.keys(param)) {
      if (!PARAMETER_KEYS.has(key)) problems.push(`${join(path, key)}: unknown parameter attribute`);
    }
    const type = param['Type'];
    if (typeof type !== 'string') problems.push(`${join(path, 'Type')}: required, must be a string`);
    else if (!PARAMETER_TYPE.test(type))
      problems.push(`${join(path, 'Type')}: ${type} is not a parameter type`);
    const allowed = param['AllowedValues'];
    if (allowed !== undefined && !Array.isArray(allowed))
      problems.push(`${join(path, 'AllowedValues')}: expected list`);
  }
  return problems;
}

function checkOutputs(outputs: Record<string, unknown>, scope: Scope): string[] {
  const problems: string[] = [];
  const count = Object.keys(outputs).length;
  if (count > LIMITS.outputs) problems.push(`Outputs: ${count} exceed the limit of ${LIMITS.outputs}`);
  const exportNames = new Map<string, string>();
  for (const [name, output] of Object.entries(outputs)) {
    const path = join('Outputs', name);
    if (!LOGICAL_ID.test(name)) problems.push(`${path}: output names must be alphanumeric`);
    if (!isRecord(output)) {
      problems.push(`${path}: expected object, got ${describe(output)}`);
      continue;
    }
    for (const key of Object.keys(output)) {
      if (!OUTPUT_KEYS.has(key)) problems.push(`${join(path, key)}: unknown output attribute`);
    }
    if (!('Value' in output)) problems.push(`${join(path, 'Value')}: required property missing`);
    const exported = output['Export'];
    if (
      exported !== undefined &&
      !(isRecord(exported) && 'Name' in exported && Object.keys(exported).length === 1)
    ) {
      problems.push(`${join(path, 'Export')}: must be { Name: … }`);
    }
    const exportName = isRecord(exported) ? exported['Name'] : undefined;
    if (typeof exportName === 'string') {
      const first = exportNames.get(exportName);
      if (first)
        problems.push(`${join(path, 'Export')}: export name ${exportName} is also exported by ${first}`);
      else exportNames.set(exportName, name);
    }
    const condition = output['Condition'];
    if (condition !== undefined && !scope.conditions.has(String(condition))) {
      problems.push(`${join(path, 'Condition')}: condition ${JSON.stringify(condition)} is not defined`);
    }
  }
  return problems;
}

/** Every Ref, GetAtt, Sub variable and If condition must name something that exists. */
function checkReferences(value: unknown, path: string, scope: Scope): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => checkReferences(v, join(path, i), scope));
  if (!isRecord(value)) return [];
  const fn = intrinsicName(value);
  const args = fn === undefined ? undefined : value[fn];
  const here = fn === undefined ? [] : checkReference(fn, args, join(path, fn), scope);
  return [...here, ...Object.entries(value).flatMap(([k, v]) => checkReferences(v, join(path, k), scope))];
}

function checkReference(fn: string, args: unknown, path: string, scope: Scope): string[] {
  switch (fn) {
    case 'Ref':
      if (typeof args !== 'string') return [`${path}: Ref takes a logical id`];
      return refExists(args, scope)
        ? []
        : [`${path}: ${args} is not a parameter, resource or pseudo parameter`];
    case 'Fn::GetAtt': {
      const parts = typeof args === 'string' ? splitAtFirstDot(args) : args;
      if (!Array.isArray(parts) || parts.length !== 2 || typeof parts[0] !== 'string') {
        return [`${path}: Fn::GetAtt takes [logicalId, attribute]`];
      }
      return getAttProblems(parts[0], parts[1], path, scope);
    }
    case 'Fn::Sub':
      return subProblems(args, path, scope);
    case 'Fn::FindInMap': {
      const map = Array.isArray(args) ? args[0] : undefined;
      return typeof map !== 'string' || scope.mappings.has(map)
        ? []
        : [`${path}: mapping ${map} is not defined`];
    }
    case 'Fn::If': {
      const name = Array.isArray(args) ? args[0] : undefined;
      return typeof name === 'string' && scope.conditions.has(name)
        ? []
        : [`${path}: condition ${JSON.stringify(name)} is not defined`];
    }
    default:
      return [];
  }
}

function splitAtFirstDot(s: string): string[] {
  const dot = s.indexOf('.');
  return dot < 0 ? [s] : [s.slice(0, dot), s.slice(dot + 1)];
}

function refExists(name: string, scope: Scope): boolean {
  return PSEUDO_PARAMETERS.has(name) || scope.parameters.has(name) || scope.resources.has(name);
}

function getAttProblems(id: string, attribute: unknown, path: string, scope: Scope): string[] {
  const type = scope.resources.get(id);
  if (type === undefined) return [`${path}: ${id} is not a resource in this template`];
  if (typeof attribute !== 'string') return [];
  const spec = resourceSpec(type);
  if (!spec || attribute in spec.attributes) return [];
  const known = Object.keys(spec.attributes).sort().join(', ') || 'none';
  return [`${path}: ${type} has no attribute ${attribute} (has: ${known})`];
}

/** The `${…}` names a Fn::Sub refers to outside its own variable map (`${!x}` is a literal). */
function subReferences(args: unknown): string[] | undefined {
  const [text, vars] = Array.isArray(args) ? args : [args, {}];
  if (typeof text !== 'string') return undefined;
  const local = isRecord(vars) ? new Set(Object.keys(vars)) : new Set<string>();
  return [...text.matchAll(/\$\{([^}!][^}]*)\}/g)]
    .map((m) => m[1]!.trim())
    .filter((name) => !local.has(name));
}

function subProblems(args: unknown, path: string, scope: Scope): string[] {
  const names = subReferences(args);
  if (names === undefined) return [`${path}: Fn::Sub takes a string or [string, variables]`];
  return names.flatMap((name) => {
    const [id, attribute] = splitAtFirstDot(name);
    if (attribute === undefined) {
      return refExists(id!, scope) ? [] : [`${path}: \${${name}} is not a parameter, resource or variable`];
    }
    return PSEUDO_PARAMETERS.has(name) ? [] : getAttProblems(id!, attribute, path, scope);
  });
}

/** Resources a value depends on through Ref, Fn::GetAtt and Fn::Sub. */
function referencedResources(value: unknown, resources: Map<string, string>, into: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) referencedResources(v, resources, into);
    return into;
  }
  if (!isRecord(value)) return into;
  const fn = intrinsicName(value);
  const args = fn === undefined ? undefined : value[fn];
  const names =
    fn === 'Ref'
      ? [args]
      : fn === 'Fn::GetAtt'
        ? [typeof args === 'string' ? splitAtFirstDot(args)[0] : Array.isArray(args) ? args[0] : undefined]
        : fn === 'Fn::Sub'
          ? (subReferences(args) ?? []).map((n) => splitAtFirstDot(n)[0])
          : [];
  for (const name of names) if (typeof name === 'string' && resources.has(name)) into.add(name);
  for (const v of Object.values(value)) referencedResources(v, resources, into);
  return into;
}

/** CloudFormation refuses a template whose resources depend on each other in a loop. */
function checkCycles(resources: Record<string, unknown>, scope: Scope): string[] {
  const edges = new Map<string, string[]>();
  for (const [id, resource] of Object.entries(resources)) {
    if (!isRecord(resource)) continue;
    const deps = referencedResources(resource['Properties'], scope.resources, new Set());
    const dependsOn = resource['DependsOn'];
    for (const dep of Array.isArray(dependsOn) ? dependsOn : [dependsOn]) {
      if (typeof dep === 'string' && scope.resources.has(dep)) deps.add(dep);
    }
    edges.set(id, [...deps].sort());
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const problems: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      if (state.get(next) === 'open') {
        const loop = [...stack.slice(stack.indexOf(next)), next];
        problems.push(`Resources: circular dependency ${loop.join(' → ')}`);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of [...edges.keys()].sort()) if (!state.has(id)) visit(id);
  return problems;
}

function checkLogicalIds(section: string, ids: string[]): string[] {
  return ids.flatMap((id) => {
    if (!LOGICAL_ID.test(id)) return [`${join(section, id)}: logical ids must be alphanumeric (A-Za-z0-9)`];
    if (id.length > LIMITS.logicalIdLength)
      return [`${join(section, id)}: logical id longer than 255 characters`];
    return [];
  });
}

function sectionOf(
  template: Record<string, unknown>,
  key: string,
  problems: string[],
): Record<string, unknown> {
  const section = template[key];
  if (section === undefined) return {};
  if (isRecord(section)) return section;
  problems.push(`${key}: expected object, got ${describe(section)}`);
  return {};
}

/**
 * Validates a CloudFormation template object; returns one readable message per problem (empty when
 * the template is valid). Each message starts with the path, e.g.
 * `Resources.Rule.Properties.Actions[0].Type: required property missing [AWS::ElasticLoadBalancingV2::ListenerRule]`.
 */
export function validateCfnTemplate(template: unknown): string[] {
  if (!isRecord(template)) return [`template: expected object, got ${describe(template)}`];
  const problems: string[] = [];
  for (const key of Object.keys(template)) {
    if (!TOP_LEVEL_KEYS.has(key)) problems.push(`${key}: unknown top-level section`);
  }
  const version = template['AWSTemplateFormatVersion'];
  if (version !== undefined && version !== '2010-09-09') {
    problems.push(`AWSTemplateFormatVersion: must be "2010-09-09", got ${describe(version)}`);
  }
  const bytes = Buffer.byteLength(JSON.stringify(template));
  if (bytes > LIMITS.bytes)
    problems.push(`template: ${bytes} bytes exceed the 1 MB limit for templates in S3`);
  if (!('Resources' in template)) problems.push('Resources: required section missing');
  problems.push(...descriptionProblems(template));

  const transform = template['Transform'];
  const transforms =
    transform === undefined ? [] : Array.isArray(transform) ? transform.map(String) : [String(transform)];
  const resources = sectionOf(template, 'Resources', problems);
  const parameters = sectionOf(template, 'Parameters', problems);
  const outputs = sectionOf(template, 'Outputs', problems);
  const conditions = sectionOf(template, 'Conditions', problems);
  const mappings = sectionOf(template, 'Mappings', problems);
  if (Object.keys(mappings).length > LIMITS.mappings)
    problems.push(`Mappings: exceed the limit of ${LIMITS.mappings}`);

  const scope: Scope = {
    parameters: new Set(Object.keys(parameters)),
    conditions: new Set(Object.keys(conditions)),
    mappings: new Set(Object.keys(mappings)),
    resources: new Map(
      Object.entries(resources).map(([id, r]) => [
        id,
        isRecord(r) && typeof r['Type'] === 'string' ? r['Type'] : '',
      ]),
    ),
  };
  const overlap = [...scope.parameters].filter((p) => scope.resources.has(p));
  for (const id of overlap) problems.push(`Resources.${id}: logical id also used by a parameter`);

  problems.push(
    ...checkLogicalIds('Resources', Object.keys(resources)),
    ...checkLogicalIds('Conditions', Object.keys(conditions)),
    ...checkParameters(parameters),
    ...checkResources(resources, 'Resources' in template, scope, transforms),
    ...checkOutputs(outputs, scope),
    ...checkReferences(resources, 'Resources', scope),
    ...checkReferences(outputs, 'Outputs', scope),
    ...checkReferences(conditions, 'Conditions', scope),
    ...checkCycles(resources, scope),
  );
  // A value of the wrong type or outside the allowed values is reported once, by the checks above.
  const reported = new Set(problems.map((p) => p.slice(0, p.indexOf(': '))));
  problems.push(...cfnConstraintProblems(template).filter((p) => !reported.has(p.slice(0, p.indexOf(': ')))));
  return problems;
}

/** Descriptions CloudFormation refuses: the template's or an output's over 1,024 bytes, a parameter's over 4,000 characters. */
function descriptionProblems(template: Record<string, unknown>): string[] {
  const out: string[] = [];
  const tooLong = (
    at: string,
    text: unknown,
    limit: number,
    measure: (t: string) => number,
    unit: string,
  ) => {
    if (typeof text === 'string' && measure(text) > limit)
      out.push(`${at}: ${measure(text)} ${unit}, over ${limit}`);
  };
  const bytes = (t: string) => Buffer.byteLength(t);
  tooLong('Description', template['Description'], LIMITS.descriptionBytes, bytes, 'bytes');
  for (const [id, output] of Object.entries((template['Outputs'] ?? {}) as Record<string, unknown>))
    if (isRecord(output))
      tooLong(`Outputs.${id}.Description`, output['Description'], LIMITS.descriptionBytes, bytes, 'bytes');
  for (const [id, parameter] of Object.entries((template['Parameters'] ?? {}) as Record<string, unknown>))
    if (isRecord(parameter))
      tooLong(
        `Parameters.${id}.Description`,
        parameter['Description'],
        LIMITS.parameterDescriptionChars,
        (t) => [...t].length,
        'characters',
      );
  return out;
}
