import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';
import { tempDir } from '../support/temp.js';

const CAP = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');
/** What the server would send if nobody stopped reading: far past the cap. */
const BODY_BYTES = 64 * CAP;

/** What the server saw of one response: bytes written, and whether the client hung up first. */
interface Served {
  written: number;
  finished: boolean;
  aborted: boolean;
}

let server: Server;
let base: string;
const served = new Map<string, Served>();

/**
 * `/stream`: 64 MiB in 64 KiB chunks with no length announced, written as fast as the client
 * reads; `/announced`: a `Content-Length` over the cap; `/small`: a document under it.
 */
beforeAll(async () => {
  server = createServer((req, res) => {
    const record: Served = { written: 0, finished: false, aborted: false };
    served.set(req.url!, record);
    res.on('close', () => (record.aborted = !record.finished));
    if (req.url === '/small') {
      res.end(`get: { summary: remote, responses: { '200': { description: ok } } }\n`);
      record.finished = true;
      return;
    }
    if (req.url === '/announced') res.setHeader('content-length', String(BODY_BYTES));
    const write = (): void => {
      while (record.written < BODY_BYTES) {
        record.written += CHUNK.length;
        if (!res.write(CHUNK)) return void res.once('drain', write);
      }
      record.finished = true;
      res.end();
    };
    write();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function loadRef(path: string) {
  const spec = `openapi: 3.0.3
info: { title: T, version: '1' }
x-gateplan: { backends: { b: { url: 'http://b.internal' } }, defaults: { backend: b } }
paths:
  /a: { $ref: '${base}${path}' }
`;
  const dir = tempDir({ 'api.yaml': spec });
  const loaded = await load(join(dir, 'api.yaml'), { cwd: dir, allowRemoteRefs: true, maxFileSize: CAP });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return normalize(loaded.spec);
}

describe('--allow-remote-refs reads at most the size ceiling', () => {
  it('stops reading a body without Content-Length once it passes the ceiling, and hangs up', async () => {
    const model = await loadRef('/stream');
    expect(model.diagnostics.filter((d) => d.code === 'GP002').map((d) => d.where.pointer)).toEqual([
      '/paths/~1a',
    ]);
    await until(() => served.get('/stream')!.aborted || served.get('/stream')!.finished);
    const record = served.get('/stream')!;
    expect(record.finished).toBe(false);
    expect(record.aborted).toBe(true);
    // What the sockets buffer between the two ends is far below the 64 MiB on offer.
    expect(record.written).toBeLessThan(BODY_BYTES / 4);
  });

  it('refuses a Content-Length over the ceiling before reading the body', async () => {
    const model = await loadRef('/announced');
    const refused = model.diagnostics.filter((d) => d.code === 'GP002');
    expect(refused.map((d) => d.args.size)).toEqual([String(BODY_BYTES)]);
    await until(() => served.get('/announced')!.aborted || served.get('/announced')!.finished);
    expect(served.get('/announced')!.finished).toBe(false);
  });

  it('reads a document under the ceiling', async () => {
    const model = await loadRef('/small');
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.routes.map((r) => r.summary)).toEqual(['remote']);
  });
});

/** Waits for the server to see the end of a response (the client hangs up asynchronously). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
}
