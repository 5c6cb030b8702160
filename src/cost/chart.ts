import { costCurve, FRONT_DOOR_LABELS, FRONT_DOORS, type FrontDoor } from './options.js';
import type { CostReport } from './estimate.js';
import { formatUsd, formatVolume } from './format.js';
import type { Prices } from './prices.js';

const WIDTH = 760;
const HEIGHT = 460;
const PLOT = { left: 80, right: 24, top: 44, bottom: 110 };
const SAMPLES = 160;
const MARKER_RADIUS = 5;
const LABEL_FONT = 10;
/** Sans-serif digits are about 0.6 em wide; labels are volumes like "27.5M". */
const LABEL_CHAR_WIDTH = 0.62 * LABEL_FONT;

/** Colour-blind-safe palette (Okabe–Ito), fixed per option so charts compare across specs. */
const COLORS: Record<FrontDoor, string> = {
  'apigw-rest': '#D55E00',
  'apigw-http': '#0072B2',
  alb: '#009E73',
  'apigw-http+alb': '#CC79A7',
};

/**
 * Monthly cost against monthly requests, both on log scales (costs span cents to thousands),
 * one polyline per option, a marker on every crossover and a dashed line at the profile volume.
 */
export function costChart(report: CostReport, prices: Prices, title: string): string {
  const curves = FRONT_DOORS.map((o) => ({ option: o, curve: costCurve(o, report.workload, prices) }));
  // The volumes worth seeing; a zero-traffic profile with no crossover still gets a scale.
  const seen = [report.requestsPerMonth, ...report.crossovers.map((c) => c.requests)].filter((x) => x > 0);
  const interesting = seen.length ? seen : [1e6];
  const xMin = 10 ** Math.floor(Math.log10(Math.max(1e4, Math.min(...interesting) / 10)));
  const xMax = 10 ** Math.ceil(Math.log10(Math.max(...interesting) * 10));
  const costs = curves.flatMap((c) => [c.curve.cost(xMin), c.curve.cost(xMax)]).filter((y) => y > 0);
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...costs)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...costs)));
  const plotW = WIDTH - PLOT.left - PLOT.right;
  const plotH = HEIGHT - PLOT.top - PLOT.bottom;
  const sx = (x: number) =>
    PLOT.left + ((Math.log10(x) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * plotW;
  const sy = (y: number) =>
    PLOT.top +
    plotH -
    ((Math.log10(Math.max(y, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * plotH;
  const n = (v: number) => v.toFixed(1);

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<title>${xml(`${title}: monthly cost by front door (${report.region})`)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${xml(title)}: monthly cost by front door</text>`,
    '<g class="axes" stroke="#333333" fill="none">',
    `<line x1="${PLOT.left}" y1="${PLOT.top + plotH}" x2="${PLOT.left + plotW}" y2="${PLOT.top + plotH}"/>`,
    `<line x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${PLOT.top + plotH}"/>`,
    '</g>',
    '<g class="grid" font-size="11" fill="#333333">',
  ];
  for (let e = Math.log10(xMin); e <= Math.log10(xMax) + 1e-9; e++) {
    const x = sx(10 ** e);
    out.push(`<line x1="${n(x)}" y1="${PLOT.top}" x2="${n(x)}" y2="${PLOT.top + plotH}" stroke="#e5e5e5"/>`);
    out.push(
      `<text x="${n(x)}" y="${PLOT.top + plotH + 16}" text-anchor="middle">${formatVolume(10 ** e)}</text>`,
    );
  }
  for (let e = Math.log10(yMin); e <= Math.log10(yMax) + 1e-9; e++) {
    const y = sy(10 ** e);
    out.push(
      `<line x1="${PLOT.left}" y1="${n(y)}" x2="${PLOT.left + plotW}" y2="${n(y)}" stroke="#e5e5e5"/>`,
    );
    out.push(`<text x="${PLOT.left - 6}" y="${n(y + 4)}" text-anchor="end">${xml(usdTick(10 ** e))}</text>`);
  }
  out.push(
    `<text x="${PLOT.left + plotW / 2}" y="${PLOT.top + plotH + 36}" text-anchor="middle">requests per month (log scale)</text>`,
    `<text transform="translate(18 ${PLOT.top + plotH / 2}) rotate(-90)" text-anchor="middle">USD per month (log scale)</text>`,
    '</g>',
  );

  const profileX = sx(report.requestsPerMonth);
  if (report.requestsPerMonth >= xMin && report.requestsPerMonth <= xMax)
    out.push(
      `<g class="profile-volume"><line x1="${n(profileX)}" y1="${PLOT.top}" x2="${n(profileX)}" y2="${PLOT.top + plotH}" stroke="#777777" stroke-dasharray="4 4"/>`,
      `<text x="${n(profileX + 4)}" y="${PLOT.top + 12}" fill="#555555" font-size="11">profile: ${formatVolume(report.requestsPerMonth)}</text></g>`,
    );

  for (const { option, curve } of curves) {
    const xs = new Set<number>();
    for (let i = 0; i <= SAMPLES; i++) xs.add(xMin * (xMax / xMin) ** (i / SAMPLES));
    for (const b of curve.breaks) if (b > xMin && b < xMax) xs.add(b);
    const points = [...xs].sort((a, b) => a - b).map((x) => `${n(sx(x))},${n(sy(curve.cost(x)))}`);
    out.push(
      `<g class="series" data-option="${option}"><polyline fill="none" stroke="${COLORS[option]}" stroke-width="2" points="${points.join(' ')}"/></g>`,
    );
  }

  out.push('<g class="crossovers">');
  const shown = report.crossovers
    .filter((c) => c.requests >= xMin && c.requests <= xMax)
    .map((c) => {
      const cost = curves.find((k) => k.option === c.a)!.curve.cost(c.requests);
      return { crossover: c, x: sx(c.requests), y: sy(cost), text: formatVolume(c.requests) };
    });
  const places = placeLabels(shown, {
    left: PLOT.left,
    top: PLOT.top,
    right: PLOT.left + plotW,
    bottom: PLOT.top + plotH,
  });
  shown.forEach(({ crossover: c, x, y }) => {
    const label = `${FRONT_DOOR_LABELS[c.cheaperAbove]} cheaper than ${FRONT_DOOR_LABELS[c.cheaperBelow]} above ${formatVolume(c.requests)} requests/month`;
    out.push(
      `<circle class="crossover" data-a="${c.a}" data-b="${c.b}" data-requests="${Math.round(c.requests)}" cx="${n(x)}" cy="${n(y)}" r="${MARKER_RADIUS}" fill="#ffffff" stroke="#000000" stroke-width="1.5"><title>${xml(label)}</title></circle>`,
    );
  });
  // Labels after every marker, so none is painted over by a later circle.
  shown.forEach(({ text }, i) => {
    const at = places[i]!;
    out.push(
      `<text class="crossover-label" x="${n(at.x)}" y="${n(at.y)}" text-anchor="${at.anchor}" font-size="${LABEL_FONT}" fill="#000000" stroke="#ffffff" stroke-width="3" paint-order="stroke">${text}</text>`,
    );
  });
  out.push('</g>');

  out.push('<g class="legend">');
  FRONT_DOORS.forEach((option, i) => {
    const x = PLOT.left + (i % 2) * 330;
    const y = HEIGHT - 48 + Math.floor(i / 2) * 20;
    const at = report.options.find((o) => o.option === option)!;
    out.push(
      `<line x1="${x}" y1="${y - 4}" x2="${x + 24}" y2="${y - 4}" stroke="${COLORS[option]}" stroke-width="3"/>`,
      `<text x="${x + 30}" y="${y}">${xml(`${FRONT_DOOR_LABELS[option]}: ${formatUsd(at.monthlyUsd)} at ${formatVolume(report.requestsPerMonth)}`)}</text>`,
    );
  });
  out.push('</g>', '</svg>');
  return out.join('\n') + '\n';
}

function usdTick(v: number): string {
  return v >= 1 ? `$${formatVolume(v)}` : `$${v}`;
}

function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where a marker's label goes: the text's anchor point and alignment. */
interface LabelPlace {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

/** The box a label's text covers. */
export function labelBox(place: LabelPlace, text: string): Box {
  const width = text.length * LABEL_CHAR_WIDTH;
  const left =
    place.anchor === 'start' ? place.x : place.anchor === 'end' ? place.x - width : place.x - width / 2;
  // The baseline is at y; digits rise about 0.75 em above it.
  return { left, right: left + width, top: place.y - 0.75 * LABEL_FONT, bottom: place.y + 0.1 * LABEL_FONT };
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Puts each marker's label at the first of a few places around it that stays in the plot and
 * covers no marker and no label placed before it; crossovers often sit close together.
 */
export function placeLabels(
  markers: readonly { x: number; y: number; text: string }[],
  plot: Box,
): LabelPlace[] {
  const pad = MARKER_RADIUS + 2;
  const markerBoxes = markers.map(({ x, y }) => ({
    left: x - MARKER_RADIUS - 1,
    right: x + MARKER_RADIUS + 1,
    top: y - MARKER_RADIUS - 1,
    bottom: y + MARKER_RADIUS + 1,
  }));
  const placed: Box[] = [];
  return markers.map(({ x, y, text }) => {
    const candidates: LabelPlace[] = [];
    for (const lift of [0, 12, 24, 36]) {
      candidates.push(
        { x: x + pad, y: y - pad - lift, anchor: 'start' },
        { x: x + pad, y: y + pad + LABEL_FONT + lift, anchor: 'start' },
        { x: x - pad, y: y - pad - lift, anchor: 'end' },
        { x: x - pad, y: y + pad + LABEL_FONT + lift, anchor: 'end' },
        { x, y: y - pad - 2 - lift, anchor: 'middle' },
        { x, y: y + pad + LABEL_FONT + 2 + lift, anchor: 'middle' },
      );
    }
    const fits = (c: LabelPlace) => {
      const box = labelBox(c, text);
      return (
        box.left >= plot.left &&
        box.right <= plot.right &&
        box.top >= plot.top &&
        box.bottom <= plot.bottom &&
        !markerBoxes.some((m) => overlaps(box, m)) &&
        !placed.some((p) => overlaps(box, p))
      );
    };
    const choice = candidates.find(fits) ?? candidates[0]!;
    placed.push(labelBox(choice, text));
    return choice;
  });
}
