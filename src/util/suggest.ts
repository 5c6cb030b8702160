import { distance } from 'fastest-levenshtein';

/**
 * The known name a mistyped one most likely meant (`formt` → `format`, `lnit` → `lint`,
 * `backnds` → `backends`), or undefined when none is close: at most one edit for names up to
 * three characters, two up to six, three beyond. Case is ignored. Of names equally far, one
 * with the same letters wins (a swap, `PSOT` → `POST`, costs two edits), then the earlier.
 */
export function closestName(typed: string, known: Iterable<string>): string | undefined {
  const wanted = typed.toLowerCase();
  const limit = wanted.length <= 3 ? 1 : wanted.length <= 6 ? 2 : 3;
  const letters = sorted(wanted);
  let best: { name: string; score: number } | undefined;
  for (const name of known) {
    if (name === typed) return undefined;
    const edits = distance(wanted, name.toLowerCase());
    if (edits > limit) continue;
    const score = edits * 2 + (sorted(name.toLowerCase()) === letters ? 0 : 1);
    if (!best || score < best.score) best = { name, score };
  }
  return best?.name;
}

function sorted(text: string): string {
  return [...text].sort().join('');
}

/** `; did you mean "x"?` for a message, or nothing. */
export function didYouMean(typed: string, known: Iterable<string>): string {
  const name = closestName(typed, known);
  return name === undefined ? '' : `; did you mean "${name}"?`;
}
