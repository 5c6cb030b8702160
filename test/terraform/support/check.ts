import { parseHcl } from './hcl.js';
import { dataSourceSchema, extracted, resourceSchema, type BlockSchema } from './provider-schema.js';

/** Arguments Terraform itself gives every resource block. */
const META_ARGUMENTS = new Set([
  'count',
  'depends_on',
  'for_each',
  'lifecycle',
  'provider',
  'provisioner',
  'connection',
]);

export interface ParsedModule {
  /** File name → Terraform JSON from HashiCorp's parser. */
  files: Record<string, Record<string, unknown>>;
  /** `type.name` → body, across files. */
  resources: Map<string, Record<string, unknown>>;
  /** `type.name` of every `data` block. */
  data: Set<string>;
  variables: Set<string>;
}

export async function parseModule(files: Record<string, string>): Promise<ParsedModule> {
  const out: ParsedModule = { files: {}, resources: new Map(), data: new Set(), variables: new Set() };
  for (const [name, text] of Object.entries(files)) {
    if (!name.endsWith('.tf')) continue;
    const parsed = await parseHcl(text, name);
    out.files[name] = parsed;
    const resources = (parsed['resource'] ?? {}) as Record<string, Record<string, Record<string, unknown>[]>>;
    for (const [type, byName] of Object.entries(resources)) {
      for (const [label, bodies] of Object.entries(byName)) {
        if (out.resources.has(`${type}.${label}`) || bodies.length > 1)
          throw new Error(`${type}.${label} is declared twice`);
        out.resources.set(`${type}.${label}`, bodies[0]!);
      }
    }
    for (const variable of Object.keys((parsed['variable'] ?? {}) as object)) out.variables.add(variable);
    const data = (parsed['data'] ?? {}) as Record<string, Record<string, unknown>>;
    for (const [type, byName] of Object.entries(data))
      for (const label of Object.keys(byName)) out.data.add(`${type}.${label}`);
  }
  return out;
}

/**
 * Problems with a module against the AWS provider schema: unknown resource types,
 * arguments and blocks; missing required ones; references to undeclared resources,
 * unreadable attributes or undeclared variables.
 */
export function schemaProblems(module: ParsedModule): string[] {
  const problems: string[] = [];
  for (const [address, body] of module.resources) {
    const type = address.split('.')[0]!;
    if (!extracted(type)) {
      problems.push(
        `${address}: ${type} is not in the provider-schema fixture (run \`npm run provider-schema\`)`,
      );
      continue;
    }
    const schema = resourceSchema(type);
    if (!schema) {
      problems.push(`${address}: the AWS provider has no resource type ${type}`);
      continue;
    }
    checkBlock(address, body, schema, problems);
  }
  for (const [file, parsed] of Object.entries(module.files)) {
    for (const ref of references(parsed)) {
      const [head, name, attribute] = ref.split('.');
      if (head === 'var') {
        if (!module.variables.has(name!)) problems.push(`${file}: var.${name} is not declared`);
      } else if (head === 'data') {
        const [, type, label, attr] = ref.split('.');
        if (!module.data.has(`${type}.${label}`))
          problems.push(`${file}: data.${type}.${label} is not declared`);
        else if (!dataSourceSchema(type!)?.readable.has(attr!))
          problems.push(`${file}: data source ${type} has no attribute ${attr}`);
      } else if (head?.startsWith('aws_')) {
        if (!module.resources.has(`${head}.${name}`))
          problems.push(`${file}: ${head}.${name} is not declared`);
        else if (attribute && !resourceSchema(head)?.readable.has(attribute))
          problems.push(`${file}: ${head} has no attribute ${attribute}`);
      }
    }
  }
  return problems;
}

function checkBlock(
  at: string,
  body: Record<string, unknown>,
  schema: BlockSchema,
  problems: string[],
): void {
  for (const [key, value] of Object.entries(body)) {
    if (META_ARGUMENTS.has(key)) continue;
    const block = schema.blocks.get(key);
    if (block) {
      if (!Array.isArray(value)) {
        problems.push(`${at}: ${key} is a block, written as an argument`);
        continue;
      }
      for (const item of value as Record<string, unknown>[])
        checkBlock(`${at}.${key}`, item, block.schema, problems);
    } else if (!schema.arguments.has(key)) {
      problems.push(`${at}: unknown argument or block ${key}`);
    } else if (!fitsType(value, schema.types.get(key))) {
      problems.push(`${at}: ${key} must be a ${schema.types.get(key)}, not ${JSON.stringify(value)}`);
    }
  }
  for (const [name, required] of schema.arguments)
    if (required && !(name in body)) problems.push(`${at}: missing required argument ${name}`);
  for (const [name, b] of schema.blocks)
    if (b.required && !(name in body)) problems.push(`${at}: missing required block ${name}`);
}

/**
 * Whether a parsed value can be of the argument's type. Expressions (`${…}`) are taken on
 * trust, and scalars convert into each other as Terraform converts them.
 */
function fitsType(value: unknown, type: string | undefined): boolean {
  if (typeof value === 'string' && value.startsWith('${') && value.endsWith('}')) return true;
  switch (type) {
    case 'stringList':
    case 'numberList':
      return Array.isArray(value);
    case 'stringMap':
    case 'numberMap':
    case 'booleanMap':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'number':
      return (
        typeof value === 'number' ||
        (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
      );
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false';
    case 'string':
      return ['string', 'number', 'boolean'].includes(typeof value);
    default:
      return true;
  }
}

/** Every `var.x` / `aws_type.name.attr` / `data.aws_type.name.attr` reference in the module's expressions. */
function references(value: unknown): string[] {
  if (typeof value === 'string') {
    const out: string[] = [];
    // `$${` is an escaped, literal `${`: only live sequences hold references.
    for (const m of value.replace(/\$\$\{/g, '').matchAll(/\$\{([^}]*)\}/g)) {
      for (const r of m[1]!.matchAll(
        /\b(var\.[A-Za-z0-9_]+|data\.aws_[a-z0-9_]+\.[A-Za-z0-9_]+\.[a-z0-9_]+|(?<!data\.)aws_[a-z0-9_]+\.[A-Za-z0-9_]+(?:\.[a-z0-9_]+)?)/g,
      ))
        out.push(r[1]!);
    }
    return out;
  }
  if (Array.isArray(value)) return value.flatMap(references);
  if (value && typeof value === 'object') return Object.values(value).flatMap(references);
  return [];
}
