/**
 * Path languages as automata, read from the text ALB will be given: glob values, regex values
 * (the subset gateplan writes: literals, escapes, `[^/]`, `.`, groups with `|`, and `*`, `+`,
 * `?`), and route templates. `overlaps` decides whether some path is in every language of
 * one list and in none of another, exactly, by walking the automata together (sets of states,
 * one step per character class that can make a difference). The verifier (`verify.ts`) uses it to re-check the compiler's rule order
 * without any of the compiler's own reasoning about shapes.
 */

/** A character class: any character, any but `/`, or one character. */
type CharClass = 'any' | 'not-slash' | { ch: string };

interface Edge {
  on: CharClass;
  to: number;
}

export interface Automaton {
  /** Per state: character edges and ε edges. */
  edges: Edge[][];
  epsilon: number[][];
  start: number;
  accept: number;
  /** Identifies the language, for memoized answers. */
  key: string;
}

class Builder {
  edges: Edge[][] = [];
  epsilon: number[][] = [];

  state(): number {
    this.edges.push([]);
    this.epsilon.push([]);
    return this.edges.length - 1;
  }

  /** A fragment: entry and exit states. */
  atom(on: CharClass): [number, number] {
    const a = this.state();
    const b = this.state();
    this.edges[a]!.push({ on, to: b });
    return [a, b];
  }

  link(from: number, to: number): void {
    this.epsilon[from]!.push(to);
  }

  seq(parts: [number, number][]): [number, number] {
    if (parts.length === 0) {
      const s = this.state();
      return [s, s];
    }
    for (let i = 1; i < parts.length; i++) this.link(parts[i - 1]![1], parts[i]![0]);
    return [parts[0]![0], parts.at(-1)![1]];
  }

  repeat([a, b]: [number, number], min: 0 | 1, many: boolean): [number, number] {
    const s = this.state();
    const e = this.state();
    this.link(s, a);
    this.link(b, e);
    if (min === 0) this.link(s, e);
    if (many) this.link(b, a);
    return [s, e];
  }

  done([start, accept]: [number, number], key: string): Automaton {
    return { edges: this.edges, epsilon: this.epsilon, start, accept, key };
  }
}

/** An ALB glob path pattern: `*` any run of characters, `?` one. */
export function globAutomaton(glob: string): Automaton {
  const b = new Builder();
  const parts: [number, number][] = [];
  for (const c of glob) {
    if (c === '*') parts.push(b.repeat(b.atom('any'), 0, true));
    else parts.push(b.atom(c === '?' ? 'any' : { ch: c }));
  }
  return b.done(b.seq(parts), `g:${glob}`);
}

/** An anchored regex value as gateplan writes them (`^…$`). */
export function regexAutomaton(regex: string): Automaton {
  if (!regex.startsWith('^') || !regex.endsWith('$')) throw new Error(`unanchored regex ${regex}`);
  const b = new Builder();
  const source = regex.slice(1, -1);
  let i = 0;
  const alternation = (): [number, number] => {
    const options = [sequence()];
    while (source[i] === '|') {
      i++;
      options.push(sequence());
    }
    if (options.length === 1) return options[0]!;
    const s = b.state();
    const e = b.state();
    for (const [a, z] of options) {
      b.link(s, a);
      b.link(z, e);
    }
    return [s, e];
  };
  const sequence = (): [number, number] => {
    const parts: [number, number][] = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      let part: [number, number];
      const c = source[i]!;
      if (c === '(') {
        i++;
        part = alternation();
        if (source[i] !== ')') throw new Error(`unbalanced group in ${regex}`);
        i++;
      } else if (c === '[') {
        if (source.slice(i, i + 4) !== '[^/]') throw new Error(`unsupported class in ${regex}`);
        part = b.atom('not-slash');
        i += 4;
      } else if (c === '.') {
        part = b.atom('any');
        i++;
      } else if (c === '\\') {
        part = b.atom({ ch: source[i + 1]! });
        i += 2;
      } else {
        part = b.atom({ ch: c });
        i++;
      }
      const q = source[i];
      if (q === '*' || q === '+' || q === '?') {
        part = b.repeat(part, q === '+' ? 1 : 0, q !== '?');
        i++;
      }
      parts.push(part);
    }
    return b.seq(parts);
  };
  const whole = alternation();
  if (i !== source.length) throw new Error(`unparsed regex ${regex}`);
  return b.done(whole, `r:${regex}`);
}

/**
 * A template as text: `/users/{}/files/{+}` style segments, where a segment is literal text
 * with `{}` for a parameter (one or more characters but `/`), and a final `{+}` is one or
 * more non-empty segments.
 */
export function templateAutomaton(segments: string[], greedy: boolean): Automaton {
  const b = new Builder();
  const parts: [number, number][] = [];
  for (const segment of segments) {
    parts.push(b.atom({ ch: '/' }));
    for (const piece of segment.split(/(\{\})/)) {
      if (piece === '{}') parts.push(b.repeat(b.atom('not-slash'), 1, true));
      else for (const c of piece) parts.push(b.atom({ ch: c }));
    }
  }
  if (greedy) {
    const one = b.seq([b.atom({ ch: '/' }), b.repeat(b.atom('not-slash'), 1, true)]);
    parts.push(b.repeat(one, 1, true));
  }
  if (segments.length === 0 && !greedy) parts.push(b.atom({ ch: '/' }));
  return b.done(b.seq(parts), `t:${segments.join('/')}${greedy ? '/{+}' : ''}`);
}

/** Stands for every character that is not `/` and not written literally anywhere. */
const OTHER = '\u0000';

function holds(on: CharClass, ch: string): boolean {
  return on === 'any' || (on === 'not-slash' ? ch !== '/' : on.ch === ch);
}

function closure(a: Automaton, states: number[]): number[] {
  const out = new Set<number>();
  const stack = [...states];
  while (stack.length) {
    const s = stack.pop()!;
    if (out.has(s)) continue;
    out.add(s);
    stack.push(...a.epsilon[s]!);
  }
  return [...out].sort((x, y) => x - y);
}

function step(a: Automaton, states: number[], ch: string): number[] {
  const next: number[] = [];
  for (const s of states) for (const e of a.edges[s]!) if (holds(e.on, ch)) next.push(e.to);
  return next.length ? closure(a, next) : [];
}

const memo = new Map<string, boolean>();
const MEMO_LIMIT = 100_000;

/** Is there a path in every language of `all` and in none of `none`? */
export function overlaps(all: Automaton[], none: Automaton[] = []): boolean {
  const key = all.map((a) => a.key).join('\u0001') + '\u0002' + none.map((a) => a.key).join('\u0001');
  const known = memo.get(key);
  if (known !== undefined) return known;
  const answer = search(all, none);
  if (memo.size > MEMO_LIMIT) memo.clear();
  memo.set(key, answer);
  return answer;
}

function search(all: Automaton[], none: Automaton[]): boolean {
  const machines = [...all, ...none];
  const start = machines.map((m) => closure(m, [m.start]));
  const seen = new Set<string>([start.map((s) => s.join(',')).join('|')]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const sets = queue[head]!;
    const accepted = (i: number) => sets[i]!.includes(machines[i]!.accept);
    if (all.every((_, i) => accepted(i)) && none.every((_, j) => !accepted(all.length + j))) return true;
    for (const ch of alphabet(machines, sets)) {
      const next = machines.map((m, i) => step(m, sets[i]!, ch));
      if (next.slice(0, all.length).some((s) => s.length === 0)) continue;
      const k = next.map((s) => s.join(',')).join('|');
      if (seen.has(k)) continue;
      seen.add(k);
      queue.push(next);
    }
  }
  return false;
}

/**
 * The characters worth trying from these states: those some state has an edge for, `/`, and
 * one stand-in for all the others (which only `any` and not-`/` edges take, all alike).
 */
function alphabet(machines: Automaton[], sets: number[][]): Set<string> {
  const chars = new Set(['/', OTHER]);
  machines.forEach((m, i) => {
    for (const s of sets[i]!) for (const e of m.edges[s]!) if (typeof e.on === 'object') chars.add(e.on.ch);
  });
  return chars;
}
