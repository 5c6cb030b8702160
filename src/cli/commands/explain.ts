import type { Argv } from 'yargs';
import {
  explain,
  explanationText,
  EXPLAIN_TARGETS,
  GateplanError,
  printableStrings,
  type ExplainTarget,
} from '../../index.js';
import { configUse, loadModel, specOptions, type SpecArgs } from '../common.js';
import type { CommandResult } from '../result.js';

export interface ExplainArgs extends SpecArgs {
  method: string;
  path: string;
  target: ExplainTarget;
  host?: string;
  header: string[];
  query: string[];
  'source-ip'?: string;
  stage?: string;
  format: 'text' | 'json';
}

export function explainBuilder(yargs: Argv) {
  return specOptions(yargs)
    .positional('method', { type: 'string', demandOption: true, describe: 'HTTP method, e.g. GET' })
    .positional('path', {
      type: 'string',
      demandOption: true,
      describe: 'request path, e.g. /v2/books/42; a query string (?q=1) is read as query parameters',
    })
    .option('target', {
      alias: 't',
      choices: EXPLAIN_TARGETS,
      default: 'alb' as ExplainTarget,
      describe: 'front door whose routing to replay: ALB rules, or API Gateway (REST, HTTP API) routes',
    })
    .option('host', { type: 'string', describe: "Host header (default: the stage's host)" })
    .option('header', {
      type: 'string',
      array: true,
      default: [] as string[],
      describe: 'request header NAME:VALUE (repeatable)',
    })
    .option('query', {
      type: 'string',
      array: true,
      default: [] as string[],
      describe: 'query parameter KEY=VALUE (repeatable)',
    })
    .option('source-ip', { type: 'string', describe: 'client IP address' })
    .option('stage', {
      type: 'string',
      describe: 'stage whose host, path prefix or listener to use (default: the first)',
    })
    .option('format', {
      choices: ['text', 'json'] as const,
      default: 'text' as const,
      describe: 'output format',
    })
    .example(
      '$0 explain specs/bookstore.yaml GET /v2/books/42',
      'the listener rule, target groups and operation for a request',
    )
    .example(
      '$0 explain specs/bookstore.yaml PUT /v2/books/42 --stage prod --format json',
      'the same for the prod stage, as JSON',
    )
    .example(
      "$0 explain specs/bookstore.yaml GET '/v2/books?q=1' --target apigw-http",
      'the HTTP API route and integration a request reaches',
    );
}

export async function handleExplain(argv: ExplainArgs): Promise<CommandResult> {
  const { spec, model } = await loadModel(argv);
  const explanation = explain(model, {
    method: argv.method,
    path: argv.path,
    ...(argv.host !== undefined ? { host: argv.host } : {}),
    ...(argv.header.length ? { headers: Object.fromEntries(argv.header.map(pair(':', '--header'))) } : {}),
    ...(argv.query.length ? { query: argv.query.map(pair('=', '--query')) } : {}),
    ...(argv['source-ip'] ? { sourceIp: argv['source-ip'] } : {}),
    ...(argv.stage !== undefined ? { stage: argv.stage } : {}),
    target: argv.target,
  });
  const operation = explanation.target === 'alb' ? explanation.route : explanation.operation;
  return {
    diagnostics: [],
    diagnosticsFormat: 'text',
    diagnosticsTo: 'stderr',
    ...(argv.format === 'json'
      ? { json: { summary: { operations: operation ? 1 : 0 }, ...explanation } }
      : { stdout: explanationText(printableStrings(explanation)) }),
    config: configUse(spec, argv),
    failOn: 'none',
  };
}

function pair(separator: string, flag: string) {
  return (text: string): [string, string] => {
    const at = text.indexOf(separator);
    if (at <= 0) throw new GateplanError('usage', `${flag} expects NAME${separator}VALUE, got "${text}"`);
    return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
  };
}
