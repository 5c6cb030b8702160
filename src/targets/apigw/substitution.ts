/**
 * gateplan's own placeholders in an import document, kept apart from the spec's text.
 *
 * A few document strings need values only the stack knows: a stack parameter (a listener ARN,
 * an authorizer's function) or the API's own partition, region and account. Those strings are
 * built as `Substituted` values; every other string, however many `${…}` it holds, is text
 * from the spec and reaches AWS as written. So a summary `leak ${SvcVpcLinkId}` stays that
 * text in CloudFormation (no `Fn::Sub` around it) and in Terraform (escaped for templatefile).
 */

/** A value the stack fills in: one of its parameters, or an AWS pseudo parameter. */
export type Placeholder = { param: string } | { pseudo: 'AWS::Partition' | 'AWS::Region' | 'AWS::AccountId' };

export const AWS_PARTITION: Placeholder = { pseudo: 'AWS::Partition' };
export const AWS_REGION: Placeholder = { pseudo: 'AWS::Region' };
export const AWS_ACCOUNT: Placeholder = { pseudo: 'AWS::AccountId' };

export function placeholderName(p: Placeholder): string {
  return 'param' in p ? p.param : p.pseudo;
}

/** A document string with placeholders in it, as text and placeholders in order. */
export class Substituted {
  constructor(readonly parts: readonly (string | Placeholder)[]) {}

  get placeholders(): Placeholder[] {
    return this.parts.filter((p): p is Placeholder => typeof p !== 'string');
  }

  /**
   * `Fn::Sub` syntax: placeholders as `${Name}`, and text's own `${` as `${!` (CloudFormation
   * reads `${!x}` as the literal `${x}`).
   */
  get cfnTemplate(): string {
    return this.parts
      .map((p) => (typeof p === 'string' ? p.replace(/\$\{/g, '${!') : '${' + placeholderName(p) + '}'))
      .join('');
  }

  /** In `openapi.json`: `${Name}` for each placeholder (API Gateway's import fills `${AWS::Region}` and friends). */
  toJSON(): string {
    return this.parts.map((p) => (typeof p === 'string' ? p : '${' + placeholderName(p) + '}')).join('');
  }
}

/**
 * Tagged template for document strings: interpolated placeholders stay placeholders, every
 * interpolated string is text. Without placeholders the result is a plain string.
 */
export function sub(
  strings: TemplateStringsArray,
  ...values: (string | Placeholder)[]
): string | Substituted {
  const parts: (string | Placeholder)[] = [];
  let text = '';
  strings.forEach((literal, i) => {
    text += literal;
    if (i >= values.length) return;
    const value = values[i]!;
    if (typeof value === 'string') {
      text += value;
    } else {
      if (text) parts.push(text);
      parts.push(value);
      text = '';
    }
  });
  if (text) parts.push(text);
  return parts.some((p) => typeof p !== 'string') ? new Substituted(parts) : text;
}

/** Every placeholder a document uses, by name, in first-seen order. */
export function documentPlaceholders(document: unknown): Placeholder[] {
  const found = new Map<string, Placeholder>();
  const walk = (node: unknown): void => {
    if (node instanceof Substituted) {
      for (const p of node.placeholders) if (!found.has(placeholderName(p))) found.set(placeholderName(p), p);
    } else if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(document);
  return [...found.values()];
}

/** A copy of the document with every `Substituted` string replaced by `render(it)`, and every plain string by `text(it)`. */
export function mapDocumentStrings(
  document: unknown,
  render: (value: Substituted) => unknown,
  text: (value: string) => string = (s) => s,
): unknown {
  const walk = (node: unknown): unknown => {
    if (node instanceof Substituted) return render(node);
    if (typeof node === 'string') return text(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object') {
      const out = Object.create(null) as Record<string, unknown>;
      for (const [key, value] of Object.entries(node)) out[text(key)] = walk(value);
      return out;
    }
    return node;
  };
  return walk(document);
}
