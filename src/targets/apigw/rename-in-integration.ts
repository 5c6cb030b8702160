/**
 * An existing `x-amazon-apigateway-integration` refers to path variables by the spec's names:
 * `method.request.path.userId` in REST mappings and templates, `$request.path.userId` and
 * `{userId}` in HTTP API parameter mappings and URIs. When API Gateway holds the variable
 * under another name, every such reference follows it, all renames at once.
 */
export function renameInIntegration(
  integration: Record<string, unknown>,
  renames: { from: string; to: string }[],
  api: 'rest' | 'http',
): Record<string, unknown> {
  if (renames.length === 0) return integration;
  const to = new Map(renames.map((r) => [r.from, r.to]));
  const swap = (name: string) => to.get(name) ?? name;
  const text = (value: string, uri: boolean): string => {
    let out = value
      .replace(
        /(method\.request\.path\.|\$request\.path\.)([A-Za-z0-9_$-]+)/g,
        (_m, p: string, n: string) => p + swap(n),
      )
      .replace(
        /(\$input\.params\(\s*')([^']+)('\s*\))/g,
        (_m, a: string, n: string, b: string) => a + swap(n) + b,
      );
    // REST fills a URI's {name} from integration.request.path.name, which keeps its own name.
    if (uri && api === 'http')
      out = out.replace(/\{([^}]+)\}/g, (whole, n: string) => (to.has(n) ? `{${swap(n)}}` : whole));
    return out;
  };
  const walk = (node: unknown, key: string): unknown => {
    if (typeof node === 'string') return text(node, key === 'uri');
    if (Array.isArray(node)) return node.map((n) => walk(n, ''));
    if (node && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [text(k, false), walk(v, k)]));
    return node;
  };
  return walk(integration, '') as Record<string, unknown>;
}
