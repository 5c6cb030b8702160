/** A list short enough for one line of a finding: "A, B, C and 4 more". */
export function shortList(items: readonly string[], max = 5): string {
  return items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
