import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';

/** Parses HCL with HashiCorp's own parser (Go HCL compiled to WebAssembly) into Terraform JSON. */
export async function parseHcl(text: string, file = 'main.tf'): Promise<Record<string, unknown>> {
  return (await parse(file, text)) as Record<string, unknown>;
}

/**
 * The string a Terraform-JSON template evaluates to when it holds no interpolation:
 * `$${` and `%%{` are escapes, and a live `${` or `%{` means a value broke out of its literal.
 */
export function literal(template: string): string {
  return renderTemplatefile(template, {});
}

function findTerraform(): string | undefined {
  const probe = spawnSync('terraform', ['version'], { encoding: 'utf8' });
  return probe.status === 0 ? 'terraform' : undefined;
}

export const TERRAFORM = findTerraform();

/** Call at the top of a test file that runs terraform: says loudly why those tests are skipped. */
export function announceTerraform(): boolean {
  if (!TERRAFORM)
    console.warn('[gateplan] terraform not found on PATH: `terraform fmt -check` tests are SKIPPED.');
  return TERRAFORM !== undefined;
}

/** Files `terraform fmt -check` would rewrite (empty when all are formatted). */
export function unformatted(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gateplan-tf-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  try {
    execFileSync(TERRAFORM!, ['fmt', '-check', '-diff', '-no-color', dir], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

/**
 * What Terraform's `templatefile(path, vars)` makes of a file: `${name}` becomes `vars[name]`,
 * `$${` and `%%{` are the escaped `${` and `%{`. Anything else live (`${expr}` naming no var,
 * a `%{` directive) is an error here, as it is either an error or a substitution in Terraform.
 */
export function renderTemplatefile(template: string, vars: Record<string, string>): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if ((c === '$' || c === '%') && template[i + 1] === c && template[i + 2] === '{') {
      out += c + '{';
      i += 2;
    } else if (c === '$' && template[i + 1] === '{') {
      const end = template.indexOf('}', i);
      const name = template.slice(i + 2, end).trim();
      if (!Object.hasOwn(vars, name)) throw new Error(`templatefile: no variable ${name} (at ${i})`);
      out += vars[name];
      i = end;
    } else if (c === '%' && template[i + 1] === '{') {
      throw new Error(`templatefile: a directive at ${i}: ${template.slice(i, i + 30)}`);
    } else out += c;
  }
  return out;
}
