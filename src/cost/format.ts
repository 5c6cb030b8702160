/** Short request volumes for tables and labels: 950K, 25.3M, 1.2B. */
export function formatVolume(n: number): string {
  const units: [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, suffix] of units) {
    if (n >= size) return `${trim(n / size)}${suffix}`;
  }
  return trim(n);
}

/** US dollars with cents, thousands separated. */
export function formatUsd(n: number): string {
  return '$' + n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Three significant digits, no trailing zeros. */
function trim(n: number): string {
  return String(Number(n.toPrecision(3)));
}

/** Rounds for JSON output so reruns and platforms agree byte for byte. */
export function round(n: number, digits = 6): number {
  return Number(n.toFixed(digits));
}

/** Aligned columns: `right` lists the columns to right-align (numbers); the rest align left. */
export function columns(rows: string[][], right: readonly number[] = []): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (right.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
