import { catalog, type Code } from './catalog.js';

/** docs/codes.md: one section per code, anchored by the code, as `docsUrl()` links to. */
export function renderCodesMarkdown(): string {
  const lines = [
    '# Diagnostic codes',
    '',
    'Every finding gateplan reports has a stable code. Codes are never reused. The level is the default;',
    '`gateplan.yaml` can change it per code (`severity: { GP022: off }`). Generated from',
    '`src/model/diagnostics/` by `npm run docs`; a test keeps this page in step with the catalog.',
    '',
    '| code | level | stage | name |',
    '|---|---|---|---|',
  ];
  const codes = (Object.keys(catalog) as Code[]).sort();
  for (const code of codes) {
    const e = catalog[code];
    lines.push(`| [${code}](#${code.toLowerCase()}) | ${e.level} | ${e.stage} | ${e.slug} |`);
  }
  for (const code of codes) {
    const e = catalog[code] as { slug: string; level: string; stage: string; text: string; fix?: string };
    lines.push(
      '',
      `## ${code}`,
      '',
      `**${e.slug}** — ${e.level}, ${e.stage}`,
      '',
      `> ${e.text.replace(/\n/g, ' ')}`,
    );
    if (e.fix) lines.push('', `What to do: ${e.fix}`);
  }
  return lines.join('\n') + '\n';
}
