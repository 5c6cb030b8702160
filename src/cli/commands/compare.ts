import type { Argv } from 'yargs';
import {
  albPlanFacts,
  compare,
  compareFormatters,
  compareJson,
  COMPARE_FORMATS,
  estimateCosts,
  type CompareFormat,
  type FormatContext,
} from '../../index.js';
import { configUse, locateAll, loadModel, specOptions, type SpecArgs } from '../common.js';
import type { OutputFormat } from '../format/index.js';
import type { CommandResult } from '../result.js';
import { readCostInputs, trafficOptions, type TrafficArgs } from './cost.js';

export interface CompareArgs extends SpecArgs, TrafficArgs {
  format: CompareFormat;
}

export function compareBuilder(yargs: Argv) {
  return trafficOptions(specOptions(yargs))
    .option('format', {
      choices: COMPARE_FORMATS,
      default: 'text' as CompareFormat,
      describe: 'output format',
    })
    .example('$0 compare specs/bookstore.yaml', 'features × front doors, quotas, cost and a recommendation')
    .example(
      '$0 compare specs/bookstore.yaml --traffic traffic.yaml --format markdown',
      'for a pull request or a README',
    );
}

/** Findings about the spec go to stderr beside a text or markdown report; JSON carries them inside. */
const DIAGNOSTICS_FORMAT: Record<CompareFormat, OutputFormat> = {
  text: 'text',
  markdown: 'text',
  json: 'json',
};

export async function handleCompare(argv: CompareArgs, context: FormatContext): Promise<CommandResult> {
  const { spec, model } = await loadModel(argv);
  const inputs = await readCostInputs(argv);
  const alb = albPlanFacts(model);
  const cost = estimateCosts(model, inputs.profile, inputs.prices, alb);
  const report = compare(model, cost);
  const diagnostics = [
    ...locateAll([...model.diagnostics, ...alb.diagnostics], spec),
    ...inputs.diagnostics,
    ...inputs.locate(cost.diagnostics),
  ];
  return {
    diagnostics,
    diagnosticsFormat: DIAGNOSTICS_FORMAT[argv.format],
    diagnosticsTo: 'stderr',
    ...(argv.format === 'json'
      ? { json: compareJson(report) }
      : { stdout: compareFormatters[argv.format](report, context) }),
    config: configUse(spec, argv),
    failOn: 'none',
  };
}
