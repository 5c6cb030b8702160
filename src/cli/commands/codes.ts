import type { Argv } from 'yargs';
import { catalog, docsUrl } from '../../index.js';
import type { CommandResult } from '../result.js';

export interface CodesArgs {
  format: 'text' | 'json';
}

export function codesBuilder(yargs: Argv) {
  return yargs
    .option('format', {
      choices: ['text', 'json'] as const,
      default: 'text' as const,
      describe: 'output format',
    })
    .example('$0 codes', 'every diagnostic code with its level, stage and name')
    .example('$0 codes --format json | jq \'.codes[] | select(.level == "error")\'', 'the catalog as data');
}

export async function handleCodes(argv: CodesArgs): Promise<CommandResult> {
  const entries = Object.entries(catalog);
  const base = {
    diagnostics: [],
    diagnosticsFormat: 'text' as const,
    diagnosticsTo: 'stderr' as const,
    failOn: 'none' as const,
  };
  if (argv.format === 'json')
    return {
      ...base,
      json: {
        summary: { codes: entries.length },
        codes: entries.map(([code, e]) => ({
          code,
          level: e.level,
          stage: e.stage,
          slug: e.slug,
          docs: docsUrl(code as keyof typeof catalog),
        })),
      },
    };
  return {
    ...base,
    stdout:
      entries
        .map(([code, e]) => `${code}  ${e.level.padEnd(5)}  ${e.stage.padEnd(10)}  ${e.slug}`)
        .join('\n') + '\n',
  };
}
