import { stringify } from 'yaml';
import { configSelector, globLiteral } from '../model/routes.js';
import type { Route, RouteModel } from '../model/types.js';
import { authSection, backendCheckedStubs } from './auth-stubs.js';
import { oneLine } from './comment.js';
import { leaveOutLines, routesToLeaveOut } from './leave-out.js';

export type ScaffoldBy = 'server' | 'tag';

export interface ScaffoldOptions {
  by: ScaffoldBy;
  /** What the `# yaml-language-server: $schema=` line points at (a relative path or a URL). */
  schemaRef: string;
  /** The spec as the user named it, for the header comment. */
  spec: string;
}

export interface Scaffold {
  text: string;
  backends: number;
  stages: number;
  /** Routes the file assigns a backend to (the others keep the one their spec gives them). */
  assigned: number;
  /** Security schemes the file hands to the backend (`auth.<scheme>.enforcedBy: backend`). */
  backendChecked: number;
  /** Routes the file leaves out of a front door that cannot serve them as described (`leaveOutOf`). */
  leftOut: number;
}

/** Where requests go when the spec names no usable server; the comment beside it says to change it. */
const PLACEHOLDER_URL = 'https://backend.example.com';

interface Upstream {
  name: string;
  url: string;
  note: string;
}

/**
 * Writes a commented `gateplan.yaml` for a model normalized without one: a backend per
 * server URL (or per tag), stages named after the servers, and every route without a backend
 * assigned one. Pure; the caller writes the text.
 */
export function scaffoldConfig(model: RouteModel, options: ScaffoldOptions): Scaffold {
  // A backend or stage the spec declares would be replaced by one of the same name here.
  const declaredStages = Object.values(model.stages).filter((s) => s.where.pointer.includes('/stages/'));
  const reserved = [...Object.keys(model.backends), ...declaredStages.map((s) => s.name)];
  const servers = serverUpstreams(model.api.servers, reserved);
  const open = model.routes.filter((r) => 'backend' in r.backend && r.backend.backend === '');
  const kept = model.routes.length - open.length;
  // When every route keeps the backend the spec gives it, a backend here would go unused (GP049).
  const assignment =
    open.length === 0
      ? { upstreams: [], rules: [], backendOf: () => '' }
      : options.by === 'tag'
        ? byTag(open, servers, reserved)
        : byServer(servers, reserved);

  const lines = [
    `# yaml-language-server: $schema=${oneLine(options.schemaRef)}`,
    '#',
    `# Deployment intent for ${oneLine(options.spec)} (${oneLine(JSON.stringify(model.api.title))}), written by`,
    `# \`gateplan init --by ${options.by}\`. gateplan reads this file whenever it reads the spec;`,
    '# edit it freely: routes are matched by tag, path glob or operationId, and',
    '# x-gateplan inside the spec still wins over it.',
    '',
    '# Backends: where requests go. Each sets exactly one of url, lambda, mock, s3, kinesis;',
    '# the other keys tune the ALB target group (health, algorithm, stickiness, ...).',
    ...(assignment.upstreams.length === 0
      ? ['# Every route keeps the backend the spec gives it, so none is added here.', 'backends: {}']
      : [
          'backends:',
          ...assignment.upstreams.flatMap((u) => [
            `  # ${oneLine(u.note)}`,
            ...indent(stringify({ [u.name]: { url: u.url } })),
          ]),
        ]),
    '',
    ...(declaredStages.length > 0
      ? [
          `# Stages: the spec declares ${declaredStages.map((s) => s.name).join(', ')}; stages added here join them.`,
        ]
      : [
          '# Stages: one per server. Give each a host (ALB host routing, custom domain),',
          '# throttle: { rate, burst } or a canary: { percent, backends: { stable: canary } }.',
          'stages:',
          ...stageEntries(servers),
        ]),
    ...authSection(model),
  ];
  let assigned = 0;
  let rulesOpen = false;
  if (open.length === model.routes.length) {
    if (assignment.defaultBackend) {
      lines.push(
        '',
        '# Routes no rule below matches go to this backend.',
        ...stringify({ defaults: { backend: assignment.defaultBackend } })
          .trimEnd()
          .split('\n'),
      );
    }
    if (assignment.rules.length > 0) {
      lines.push(
        '',
        '# Rules apply in order; when a route has several tags, the last matching rule wins.',
        'rules:',
      );
      rulesOpen = true;
      for (const rule of assignment.rules)
        lines.push(...indent(stringify([{ match: { tag: rule.tag }, set: { backend: rule.backend } }])));
    }
    assigned = model.routes.length;
  } else if (open.length > 0) {
    lines.push(
      '',
      `# ${kept} route(s) keep the backend the spec gives them (x-gateplan or an existing`,
      '# x-amazon-apigateway-integration); a default here would override those, so the',
      '# others are assigned one by one.',
      'rules:',
    );
    rulesOpen = true;
    for (const route of open) {
      const backend = assignment.backendOf(route);
      lines.push(
        `  # ${oneLine(`${route.method} ${route.path}`)}`,
        ...indent(stringify([{ match: configSelector(route, model), set: { backend } }])),
      );
    }
    assigned = open.length;
  }
  const leftOut = routesToLeaveOut(model);
  lines.push(...leaveOutLines(model, leftOut, rulesOpen));
  lines.push(...exclusions(model));
  return {
    text: lines.join('\n') + '\n',
    backends: assignment.upstreams.length,
    stages: declaredStages.length > 0 ? 0 : Math.max(servers.length, 1),
    assigned,
    backendChecked: backendCheckedStubs(model),
    leftOut: leftOut.length,
  };
}

interface Assignment {
  upstreams: Upstream[];
  defaultBackend?: string;
  rules: { tag: string; backend: string }[];
  backendOf: (route: Route) => string;
}

function byServer(servers: Upstream[], reserved: string[]): Assignment {
  const upstreams = dedupeByUrl(
    servers.length > 0 ? servers : [placeholder(uniqueNames(['backend'], reserved)[0]!)],
  );
  // Routes go to the first server that names a real host, if any does.
  const index = Math.max(
    0,
    upstreams.findIndex((u) => u.url !== PLACEHOLDER_URL),
  );
  const first = upstreams[index]!.name;
  if (upstreams.length > 1)
    upstreams[index] = {
      ...upstreams[index]!,
      note: `${upstreams[index]!.note}; routes go here unless a rule says otherwise`,
    };
  return { upstreams, defaultBackend: first, rules: [], backendOf: () => first };
}

function byTag(routes: Route[], servers: Upstream[], reserved: string[]): Assignment {
  const real = servers.find((u) => u.url !== PLACEHOLDER_URL);
  const url = real?.url ?? PLACEHOLDER_URL;
  const where = real ? `that of server ${real.name}` : 'a placeholder: set the real upstream';
  const tags = [...new Set(routes.flatMap((r) => r.tags))].sort();
  const names = uniqueNames(
    tags.map((t) => slug(t, 'tag')),
    reserved,
  );
  const upstreams: Upstream[] = tags.map((tag, i) => ({
    name: names[i]!,
    url,
    note: `routes tagged ${JSON.stringify(tag)}; url is ${where}`,
  }));
  const byTagName = new Map(tags.map((t, i) => [t, names[i]!]));
  const untagged = routes.some((r) => r.tags.length === 0) || tags.length === 0;
  let defaultBackend: string | undefined;
  if (untagged) {
    defaultBackend = uniqueNames([...names, 'default'], reserved)[names.length]!;
    upstreams.push({ name: defaultBackend, url, note: `routes without a tag; url is ${where}` });
  }
  const backendOf = (route: Route) => byTagName.get([...route.tags].sort().pop() ?? '') ?? defaultBackend!;
  // A tag whose routes all carry a later tag too gets no route (the last matching rule wins):
  // its backend and rule would only be reported unused (GP049).
  const used = new Set(routes.map(backendOf));
  return {
    upstreams: upstreams.filter((u) => used.has(u.name)),
    ...(defaultBackend && used.has(defaultBackend) ? { defaultBackend } : {}),
    rules: tags.map((tag) => ({ tag, backend: byTagName.get(tag)! })).filter((r) => used.has(r.backend)),
    backendOf,
  };
}

/** One upstream per server URL that names a host; relative or templated URLs cannot be called. */
function serverUpstreams(servers: readonly string[], reserved: string[]): Upstream[] {
  const hosts = servers.map((url) => {
    const parsed = /^(https?):\/\/([A-Za-z0-9.-]+)(:\d+)?(?:[/?#]|$)/i.exec(url);
    return parsed
      ? {
          url,
          origin: `${parsed[1]!.toLowerCase()}://${parsed[2]!.toLowerCase()}${parsed[3] ?? ''}`,
          host: parsed[2]!.toLowerCase(),
        }
      : { url };
  });
  const names = uniqueNames(stageBaseNames(hosts.map((h) => h.host)), reserved);
  return hosts.map((h, i) =>
    h.origin
      ? { name: names[i]!, url: h.origin, note: `from server ${h.url}` }
      : {
          ...placeholder(names[i]!),
          note: `server ${JSON.stringify(h.url)} names no host: set the real upstream`,
        },
  );
}

/** `api.example.com` and `eu.api.example.com` are `api` and `eu-api`: the labels left once the shared suffix goes. */
function stageBaseNames(hosts: (string | undefined)[]): string[] {
  const labels = hosts.map((h) => (h ? h.split('.') : []));
  const known = labels.filter((l) => l.length > 0);
  let common = 0;
  if (known.length > 1) {
    while (
      known.every(
        (l) => l.length - common > 1 && l[l.length - 1 - common] === known[0]![known[0]!.length - 1 - common],
      )
    )
      common++;
  }
  return labels.map((l) =>
    l.length === 0
      ? 'default'
      : slug((known.length > 1 ? l.slice(0, l.length - common) : l.slice(0, 1)).join('-'), 'server'),
  );
}

function stageEntries(servers: Upstream[]): string[] {
  if (servers.length === 0) return ['  # the spec names no server', '  prod: {}'];
  return servers.flatMap((s) => [
    `  # ${oneLine(s.note.replace(/^from /, ''))}`,
    ...indent(stringify({ [s.name]: {} })),
  ]);
}

function placeholder(name: string): Upstream {
  return { name, url: PLACEHOLDER_URL, note: 'a placeholder: set the real upstream' };
}

function dedupeByUrl(upstreams: Upstream[]): Upstream[] {
  const seen = new Set<string>();
  return upstreams.filter((u) => (u.url === PLACEHOLDER_URL || !seen.has(u.url)) && (seen.add(u.url), true));
}

/**
 * Path keys no front door can route (GP023: `/<upload_url>`, an unbalanced brace) would stop
 * every target; the file leaves them out, each with the reason, so generate accepts it as written.
 */
function exclusions(model: RouteModel): string[] {
  const reasons = new Map<string, string>();
  for (const d of model.diagnostics)
    if (d.code === 'GP023' && d.args.path !== undefined) reasons.set(d.args.path, d.args.reason ?? '');
  if (reasons.size === 0) return [];
  return [
    '',
    '# Path keys no front door can route, left out so that the rest deploys (see GP023).',
    'exclude:',
    ...[...reasons].flatMap(([path, reason]) => [
      `  # ${oneLine(`${path}: ${reason}`)}`,
      ...indent(stringify([{ path: globLiteral(path) }])),
    ]),
  ];
}

function slug(text: string, fallback: string): string {
  const s = text
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 64)
    .toLowerCase();
  return s === '' ? fallback : s;
}

/** Names that came out equal (or are `reserved`) get `-2`, `-3` … in order, so the first keeps the plain name. */
function uniqueNames(names: string[], reserved: Iterable<string> = []): string[] {
  const used = new Set<string>(reserved);
  return names.map((name) => {
    let out = name;
    for (let n = 2; used.has(out); n++) out = `${name}-${n}`;
    used.add(out);
    return out;
  });
}

function indent(text: string): string[] {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`);
}
