import { expr, hclString, type HclExpr, type HclValue } from './hcl.js';
import { byKey } from '../../util/order.js';

/** A `variable` block: something the user supplies when applying the module. */
export interface TfVariable {
  name: string;
  /** Terraform type constraint, e.g. `string`, `list(string)`. */
  type: HclExpr;
  description: string;
  default?: HclValue;
  sensitive?: boolean;
}

/** An `output` block. */
export interface TfOutput {
  name: string;
  description: string;
  value: HclExpr;
}

/** A `data` block with no arguments: something the module reads from the account it is applied in. */
export interface TfData {
  type: string;
  name: string;
}

/** Variables, data sources and outputs gathered while the front doors are rendered; each listed once, sorted by name. */
export class ModuleInterface {
  private readonly vars = new Map<string, TfVariable>();
  private readonly outs = new Map<string, TfOutput>();
  private readonly sources = new Map<string, TfData>();

  /** Declares a variable (the first declaration of a name wins) and returns `var.<name>`. */
  variable(
    name: string,
    type: string,
    description: string,
    extra: Pick<TfVariable, 'default' | 'sensitive'> = {},
  ): HclExpr {
    if (!this.vars.has(name)) this.vars.set(name, { name, type: expr(type), description, ...extra });
    return expr(`var.${name}`);
  }

  /** Declares `data "<type>" "current" {}` (once) and returns `data.<type>.current.<attribute>`. */
  current(type: string, attribute: string): HclExpr {
    this.sources.set(type, { type, name: 'current' });
    return expr(`data.${type}.current.${attribute}`);
  }

  output(name: string, description: string, value: HclExpr): void {
    if (!this.outs.has(name)) this.outs.set(name, { name, description, value });
  }

  get variables(): TfVariable[] {
    return [...this.vars.values()].sort(byKey((x) => x.name));
  }

  get data(): TfData[] {
    return [...this.sources.values()].sort(byKey((x) => x.type));
  }

  get outputs(): TfOutput[] {
    return [...this.outs.values()].sort(byKey((x) => x.name));
  }
}

/** `"${<reference>}<literal suffix>"`: a reference with escaped literal text after it. */
export function interpolate(reference: string, suffix: string): HclExpr {
  return expr(`"\${${reference}}${hclString(suffix).slice(1, -1)}"`);
}
