import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The AWS provider's resource schemas, for every resource type the Terraform templates declare,
 * from a committed fixture that `npm run provider-schema` (scripts/write-provider-schema.ts)
 * extracts from CDK Terrain's generated bindings. The bindings package unpacks to ~470 MB, so
 * only that script fetches it; the tests read the fixture.
 */

/** The bindings package the fixture is extracted from by default. */
export const PROVIDER_PACKAGE = '@cdktn/provider-aws@25.7.0';
export const FIXTURE_PATH = join(import.meta.dirname, '..', 'fixtures', 'aws-provider-schema.json');
const TEMPLATES = join(import.meta.dirname, '..', '..', '..', 'templates', 'terraform');

export interface ArgumentJson {
  required: boolean;
  /** The value's type as the bindings store it (`string`, `stringList`, `number`…). */
  type: string;
}

export interface BlockSchemaJson {
  arguments: Record<string, ArgumentJson>;
  blocks: Record<string, BlockSchemaJson & { required: boolean }>;
}

export interface ResourceSchemaJson extends BlockSchemaJson {
  /** Attributes a reference may read (`aws_lb.this.dns_name`), arguments included. */
  readable: string[];
}

export interface ProviderSchemaFixture {
  /** The bindings package and version extracted, e.g. `@cdktn/provider-aws@25.7.0`. */
  package: string;
  /** The Terraform provider and version the bindings were generated from. */
  provider: string;
  /** Resource type → its schema, or null when the provider has no such resource. */
  resources: Record<string, ResourceSchemaJson | null>;
  /** Data source type → its schema, or null when the provider has no such data source. */
  dataSources: Record<string, ResourceSchemaJson | null>;
}

export interface BlockSchema {
  /** Argument name → required. */
  arguments: Map<string, boolean>;
  /** Argument name → its value's type as the bindings store it. */
  types: Map<string, string>;
  /** Nested block name → its schema and whether at least one is required. */
  blocks: Map<string, { schema: BlockSchema; required: boolean }>;
}

export interface ResourceSchema extends BlockSchema {
  type: string;
  readable: Set<string>;
}

/**
 * The data sources modules read (`data "aws_region" "current" {}`), for the AWS variables of an
 * import document (src/targets/terraform/apigw.ts); the templates declare them generically.
 */
export const DATA_SOURCE_TYPES = ['aws_caller_identity', 'aws_partition', 'aws_region'];

/** Every `resource "aws_…"` type the bundled templates can emit, sorted. */
export function templateResourceTypes(): string[] {
  const types = new Set<string>();
  for (const name of readdirSync(TEMPLATES).filter((n) => n.endsWith('.hbs'))) {
    const text = readFileSync(join(TEMPLATES, name), 'utf8');
    for (const m of text.matchAll(/resource "(aws_\w+)"/g)) types.add(m[1]!);
  }
  return [...types].sort();
}

let fixture: ProviderSchemaFixture | undefined;
export function providerSchemaFixture(): ProviderSchemaFixture {
  fixture ??= JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as ProviderSchemaFixture;
  return fixture;
}

/** The provider (and the bindings package) the schemas come from. */
export function providerVersion(): string {
  const { provider, package: pkg } = providerSchemaFixture();
  return `${provider} (${pkg})`;
}

function blockSchema(json: BlockSchemaJson): BlockSchema {
  const schema: BlockSchema = { arguments: new Map(), types: new Map(), blocks: new Map() };
  for (const [name, argument] of Object.entries(json.arguments)) {
    schema.arguments.set(name, argument.required);
    schema.types.set(name, argument.type);
  }
  for (const [name, block] of Object.entries(json.blocks))
    schema.blocks.set(name, { schema: blockSchema(block), required: block.required });
  return schema;
}

const cache = new Map<string, ResourceSchema | undefined>();

/** Whether the fixture was extracted for `type` (every type the templates declare is). */
export function extracted(type: string): boolean {
  return type in providerSchemaFixture().resources;
}

/** The schema of `aws_*` resource `type`, or undefined when the provider has none (or it was not extracted). */
export function resourceSchema(type: string): ResourceSchema | undefined {
  return schemaOf(type, providerSchemaFixture().resources[type], type);
}

/** The schema of data source `type`, or undefined when the provider has none (or it was not extracted). */
export function dataSourceSchema(type: string): ResourceSchema | undefined {
  return schemaOf(`data.${type}`, providerSchemaFixture().dataSources[type], type);
}

function schemaOf(key: string, json: ResourceSchemaJson | null | undefined, type: string) {
  if (!cache.has(key))
    cache.set(key, json ? { type, ...blockSchema(json), readable: new Set(json.readable) } : undefined);
  return cache.get(key);
}
