/**
 * Synthetic OpenAPI documents of any size for the scaling benchmark: `operations` operations over
 * up to 50 services, each resource with a collection (GET, POST) and an item (GET, PUT, DELETE),
 * every path item routed to its service's backend with `x-gateplan`.
 */
const SERVICES = 50;
const METHODS: [path: 'collection' | 'item', method: string][] = [
  ['collection', 'get'],
  ['collection', 'post'],
  ['item', 'get'],
  ['item', 'put'],
  ['item', 'delete'],
];

export function syntheticSpec(operations: number): string {
  const resources = Math.ceil(operations / METHODS.length);
  const services = Math.min(SERVICES, resources);
  const backends: Record<string, { url: string }> = {};
  for (let s = 0; s < services; s++) backends[`svc${s}`] = { url: `http://svc${s}.internal:8080` };
  const paths: Record<string, Record<string, unknown>> = {};
  let left = operations;
  for (let r = 0; r < resources && left > 0; r++) {
    const service = `svc${r % services}`;
    const base = `/${service}/res${Math.floor(r / services)}`;
    for (const [kind, method] of METHODS) {
      if (left-- <= 0) break;
      const path = kind === 'collection' ? base : `${base}/{id}`;
      const item = (paths[path] ??= { 'x-gateplan': { backend: service } });
      if (kind === 'item')
        item['parameters'] ??= [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
      item[method] = {
        operationId: `${method}${kind === 'item' ? 'One' : 'All'}${service}r${r}`,
        tags: [service],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
        },
      };
    }
  }
  const document = {
    openapi: '3.0.3',
    info: { title: `synthetic ${operations}`, version: '1.0.0' },
    'x-gateplan': { backends, defaults: { backend: 'svc0' } },
    paths,
    components: {
      schemas: {
        Thing: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
      },
    },
  };
  return JSON.stringify(document, null, 2) + '\n';
}
