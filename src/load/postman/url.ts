import { textOf } from '../../util/text.js';
/** A Postman request URL taken apart; `{{variables}}` are kept as written. */
export interface PostmanUrl {
  /** `protocol://host:port`, or '' when the URL names no host. */
  base: string;
  /** Path segments, empty ones dropped (`//a/` is `a`). */
  path: string[];
  /** Enabled query parameters; `index` is the entry in `url.query`, or -1 when read from `raw`. */
  query: { key: string; index: number }[];
  /** `url.variable` entries (the values of `:name` segments), by key. */
  variables: Map<string, { index: number; description?: string }>;
}

const VARIABLE = /\{\{[^{}]*\}\}/;

/** Reads the object form when it has `host` or `path` (Postman's own precedence), else parses `raw`. */
export function parseUrl(url: unknown): PostmanUrl | undefined {
  if (typeof url === 'string') return url.trim() === '' ? undefined : parseRaw(url);
  if (!isObject(url)) return undefined;
  const variables = new Map<string, { index: number; description?: string }>();
  if (Array.isArray(url.variable)) {
    url.variable.forEach((v, index) => {
      if (isObject(v) && typeof v.key === 'string')
        variables.set(v.key, { index, ...descriptionOf(v.description) });
    });
  }
  const fromRaw = () =>
    typeof url.raw === 'string' && url.raw.trim() !== '' ? { ...parseRaw(url.raw), variables } : undefined;
  // `null` (as some exports write) is no host or path either.
  if (url.host == null && url.path == null) return fromRaw();
  const host = Array.isArray(url.host)
    ? url.host.map(String).join('.')
    : typeof url.host === 'string'
      ? url.host
      : '';
  // Exports sometimes hold several segments in one element (`"api/v1"`).
  const path = Array.isArray(url.path)
    ? url.path.flatMap((part) => splitPath(pathPart(part)))
    : typeof url.path === 'string'
      ? splitPath(url.path)
      : [];
  const query: PostmanUrl['query'] = [];
  if (Array.isArray(url.query)) {
    url.query.forEach((q, index) => {
      if (isObject(q) && typeof q.key === 'string' && q.key !== '' && q.disabled !== true)
        query.push({ key: q.key, index });
    });
  }
  const protocol = typeof url.protocol === 'string' && url.protocol !== '' ? `${url.protocol}://` : '';
  const port = typeof url.port === 'string' || typeof url.port === 'number' ? `:${url.port}` : '';
  if (host === '' && path.every((p) => p === '')) return fromRaw();
  return {
    base: host === '' ? '' : protocol + host + port,
    path: path.filter((p) => p !== ''),
    query,
    variables,
  };
}

/** v2.1 allows a path segment to be `{ type, value }`. */
function pathPart(part: unknown): string {
  return isObject(part) ? textOf(part.value ?? '') : textOf(part);
}

/**
 * Splits a raw URL the way Postman does: variables may contain any character (`{{a/b}}`),
 * so they are set aside (as private-use characters) before the URL is cut into protocol, authority, path and query.
 */
export function parseRaw(raw: string): PostmanUrl {
  const protectedText = protectVariables(raw.trim());
  const restore = protectedText.restore;
  let text = protectedText.text.replace(/#.*$/s, '');
  const queryAt = text.indexOf('?');
  const queryText = queryAt === -1 ? '' : text.slice(queryAt + 1);
  if (queryAt !== -1) text = text.slice(0, queryAt);
  const protocol = /^([^:/\uE000]+|\uE000\d+\uE001):\/\//.exec(text);
  if (protocol) text = text.slice(protocol[0].length);
  const slash = text.indexOf('/');
  let authority = slash === -1 ? text : text.slice(0, slash);
  const pathText = slash === -1 ? '' : text.slice(slash + 1);
  authority = authority.slice(authority.lastIndexOf('@') + 1);
  const query = queryText
    .split('&')
    .map((pair) => restore(pair.split('=')[0] ?? ''))
    .filter((key) => key !== '')
    .map((key) => ({ key, index: -1 }));
  return {
    base: authority === '' ? '' : (protocol ? restore(protocol[0]) : '') + restore(authority),
    path: pathText
      .split('/')
      .filter((p) => p !== '')
      .map(restore),
    query,
    variables: new Map(),
  };
}

/** Path segments of `text`, cut at slashes outside `{{variables}}`; empty ones dropped. */
function splitPath(text: string): string[] {
  const { text: safe, restore } = protectVariables(text);
  return safe
    .split('/')
    .filter((p) => p !== '')
    .map(restore);
}

/** Replaces each `{{variable}}` (innermost first) by a private-use token that `restore` undoes. */
function protectVariables(input: string): { text: string; restore: (s: string) => string } {
  const tokens: string[] = [];
  let text = input;
  for (let match = VARIABLE.exec(text); match; match = VARIABLE.exec(text)) {
    text =
      text.slice(0, match.index) + `\uE000${tokens.length}\uE001` + text.slice(match.index + match[0].length);
    tokens.push(match[0]);
  }
  return { text, restore: (s) => s.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => tokens[Number(i)]!) };
}

export function descriptionOf(value: unknown): { description?: string } {
  if (typeof value === 'string' && value !== '') return { description: value };
  if (isObject(value) && typeof value.content === 'string' && value.content !== '')
    return { description: value.content };
  return {};
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
