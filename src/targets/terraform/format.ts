/**
 * Canonical layout for rendered templates, following the rules of HashiCorp's
 * `hclwrite` formatter (what `terraform fmt` runs): two spaces per open bracket, and the
 * `=` of consecutive single-line attributes aligned one space after the longest name.
 * Templates can then be written for readability, and user overrides come out clean too.
 *
 * Lines are taken one at a time: the generated files never hold heredocs or strings
 * spanning lines (string newlines are always escaped as `\n`).
 */

interface Line {
  /** Text before the aligned `=` (the whole line when it is not an attribute). */
  lead: string;
  /** From the `=` on, when the line is a single-line attribute. */
  assign?: string;
  /** Net brackets opened (positive) or closed (negative) on the line. */
  net: number;
}

/**
 * What a helper writes for an absent value: its line is dropped before layout, so optional
 * attributes leave no blank lines. NUL never survives `hclString`, so it cannot come from data.
 */
export const OMIT = '\u0000';

export function formatHcl(text: string): string {
  const kept = text.split('\n').filter((l) => !l.includes(OMIT) || l.replaceAll(OMIT, '').trim() !== '');
  const lines = collapseBlankLines(kept.map((l) => l.replaceAll(OMIT, '').trim())).map(scanLine);
  const out: string[] = [];
  // hclwrite's indent stack: a line opening n brackets pushes n; closers pop whole entries.
  const indents: number[] = [];
  let chain: { index: number; lead: string }[] = [];
  const closeChain = () => {
    const width = Math.max(...chain.map((c) => columns(c.lead)));
    for (const c of chain)
      out[c.index] = c.lead + ' '.repeat(width - columns(c.lead) + 1) + lines[c.index]!.assign;
    chain = [];
  };
  for (const [i, line] of lines.entries()) {
    if (line.lead === '') {
      if (chain.length) closeChain();
      out.push('');
      continue;
    }
    const lead = '  '.repeat(indentOf(line.net, indents)) + line.lead;
    if (line.assign === undefined) {
      if (chain.length) closeChain();
      out.push(lead);
    } else {
      out.push('');
      chain.push({ index: i, lead });
    }
  }
  if (chain.length) closeChain();
  return out.join('\n').replace(/\n*$/, '\n');
}

/** The indent level of a line opening (or closing, when negative) `net` brackets; updates the stack. */
function indentOf(net: number, indents: number[]): number {
  if (net > 0) {
    indents.push(net);
    return indents.length - 1;
  }
  let closed = -net;
  while (closed > 0 && indents.length > 0) {
    const top = indents[indents.length - 1]!;
    if (closed >= top) {
      closed -= top;
      indents.pop();
    } else {
      indents[indents.length - 1] = top - closed;
      closed = 0;
    }
  }
  return indents.length;
}

/** Drops blank lines at the start, after an opening brace, before a closing one, and repeats. */
function collapseBlankLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    if (line === '' && (previous === undefined || previous === '' || /[{[(]$/.test(previous))) continue;
    if (/^[}\])]/.test(line) && previous === '') out.pop();
    out.push(line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

/** Counts brackets outside string literals and finds the attribute `=`, as hclwrite does. */
function scanLine(text: string): Line {
  let net = 0;
  let equalsAt = -1;
  let netAtEquals = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#' || (c === '/' && text[i + 1] === '/')) break;
    if (c === '"') {
      i = skipString(text, i + 1);
      continue;
    }
    if (c === '{' || c === '[' || c === '(') {
      net++;
    } else if (c === '}' || c === ']' || c === ')') {
      net--;
    } else if (
      c === '=' &&
      equalsAt < 0 &&
      i > 0 &&
      !/[=!<>]/.test(text[i - 1]!) &&
      text[i + 1] !== '=' &&
      text[i + 1] !== '>'
    ) {
      equalsAt = i;
      netAtEquals = net;
    }
    i++;
  }
  if (equalsAt > 0 && net - netAtEquals === 0) {
    return {
      lead: text.slice(0, equalsAt).trimEnd(),
      assign: '= ' + text.slice(equalsAt + 1).trimStart(),
      net,
    };
  }
  return { lead: text, net };
}

/** Index just past the closing quote of a string that starts at `i`, nested templates included. */
function skipString(text: string, i: number): number {
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') i += 3;
    else if ((c === '$' || c === '%') && text[i + 1] === '{') i = skipTemplate(text, i + 2);
    else i++;
  }
  return i;
}

function skipTemplate(text: string, i: number): number {
  let depth = 1;
  while (i < text.length && depth > 0) {
    const c = text[i]!;
    if (c === '"') {
      i = skipString(text, i + 1);
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    i++;
  }
  return i;
}

function columns(text: string): number {
  return [...text].length;
}
