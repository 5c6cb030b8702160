import { basename, dirname } from 'node:path';
import type { Argv } from 'yargs';
import {
  albPlanFacts,
  BUNDLED_PRICES,
  costChart,
  costFormatters,
  costJson,
  COST_FORMATS,
  DEFAULT_PROFILE,
  estimateCosts,
  GateplanError,
  hasErrors,
  loadDataFile,
  parsePrices,
  parseProfile,
  parseVolume,
  writeArtifacts,
  type CostFormat,
  type Diagnostic,
  type FormatContext,
  type Prices,
  type TrafficProfile,
} from '../../index.js';
import { configUse, locateAll, loadModel, specOptions, type SpecArgs } from '../common.js';
import type { CommandResult } from '../result.js';

export interface CostArgs extends SpecArgs, TrafficArgs {
  format: CostFormat;
  chart?: string;
}

/** `--requests`, `--profile` (alias `--traffic`) and `--prices`, shared with `compare`. */
export function trafficOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('requests', {
      type: 'string',
      describe: `requests per month, with K/M/B (50M, 2.5B) or per second (20/s); default ${DEFAULT_PROFILE.requestsPerMonth / 1e6}M`,
    })
    .option('profile', {
      alias: 'traffic',
      type: 'string',
      describe:
        'traffic profile (YAML): requests | requestsPerSecond, requestBytes, responseBytes, connectionSeconds, ' +
        'requestsPerConnection | newConnectionsPerSecond, routes: { <operationId or METHOD /path>: share% | { share, requestBytes, responseBytes } }',
    })
    .option('prices', {
      type: 'string',
      describe: 'price file for another region (default: the bundled us-east-1 prices)',
    });
}

export function costBuilder(yargs: Argv) {
  return trafficOptions(specOptions(yargs))
    .option('format', { choices: COST_FORMATS, default: 'text' as CostFormat, describe: 'output format' })
    .option('chart', {
      type: 'string',
      describe: 'write an SVG chart of monthly cost against requests per month',
    })
    .epilogue(
      `Profile defaults: ${DEFAULT_PROFILE.requestBytes} B requests, ${DEFAULT_PROFILE.responseBytes} B responses, ` +
        `${DEFAULT_PROFILE.requestsPerConnection} requests per connection, ${DEFAULT_PROFILE.connectionSeconds} s connections, traffic spread evenly over routes.`,
    )
    .example(
      '$0 cost specs/bookstore.yaml --requests 50M',
      'monthly cost of each front door at 50 million requests',
    )
    .example(
      '$0 cost specs/bookstore.yaml --profile traffic.yaml --chart cost.svg --format json',
      'with a traffic profile, a chart and the breakdown',
    );
}

export async function handleCost(argv: CostArgs, context: FormatContext): Promise<CommandResult> {
  const { spec, model } = await loadModel(argv);
  const inputs = await readCostInputs(argv);
  const alb = albPlanFacts(model);
  const report = estimateCosts(model, inputs.profile, inputs.prices, alb);
  const diagnostics = [
    ...locateAll(alb.diagnostics, spec),
    ...inputs.diagnostics,
    ...inputs.locate(report.diagnostics),
  ];
  const title = model.api.title || spec.sources.entry.display;
  if (argv.chart !== undefined) {
    await writeArtifacts(dirname(argv.chart), [
      { path: basename(argv.chart), content: costChart(report, inputs.prices, title) },
    ]);
  }
  const base = {
    diagnostics,
    diagnosticsFormat: argv.format,
    diagnosticsTo: 'stderr' as const,
    config: configUse(spec, argv),
    failOn: 'none' as const,
  };
  if (argv.format === 'json')
    return {
      ...base,
      json: { ...costJson(report), ...(argv.chart !== undefined ? { chart: argv.chart } : {}) },
    };
  const chartLine = argv.chart !== undefined ? `\nchart written to ${argv.chart}\n` : '';
  return { ...base, stdout: costFormatters[argv.format](report, { ...context, title }) + chartLine };
}

export interface TrafficArgs {
  requests?: string;
  profile?: string;
  prices?: string;
}

/** Reads and checks the price file and the traffic profile; unusable input exits 2 with located diagnostics. */
export async function readCostInputs(argv: TrafficArgs): Promise<{
  prices: Prices;
  profile: TrafficProfile;
  diagnostics: Diagnostic[];
  /** Adds line/column to later findings about the profile (unknown route names). */
  locate: (diagnostics: Diagnostic[]) => Diagnostic[];
}> {
  const pricesFile = argv.prices ?? BUNDLED_PRICES;
  const pricesDoc = await loadDataFile(pricesFile, 'price file');
  const priced = parsePrices(pricesDoc.value, pricesFile);
  if (!priced.prices)
    throw new GateplanError('input', `cannot use ${pricesFile}`, pricesDoc.locate(priced.diagnostics));
  const prices = priced.prices;

  let profile = DEFAULT_PROFILE;
  let diagnostics: Diagnostic[] = [];
  let locate = (d: Diagnostic[]) => d;
  if (argv.profile !== undefined) {
    const doc = await loadDataFile(argv.profile, 'traffic profile');
    locate = doc.locate;
    const parsed = parseProfile(doc.value, argv.profile, prices.hoursPerMonth);
    diagnostics = doc.locate(parsed.diagnostics);
    if (hasErrors(diagnostics)) throw new GateplanError('input', `cannot use ${argv.profile}`, diagnostics);
    profile = parsed.profile;
  }
  if (argv.requests !== undefined) {
    const requests = parseVolume(argv.requests, prices.hoursPerMonth);
    if (requests === undefined) {
      throw new GateplanError(
        'usage',
        `--requests ${argv.requests}: give requests per month, e.g. 50M, 2.5B, 300K (or 20/s)`,
      );
    }
    profile = { ...profile, requestsPerMonth: requests };
  }
  return { prices, profile, diagnostics, locate };
}
