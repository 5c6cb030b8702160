import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** Reads a spec file as UTF-8, gunzipping `.gz` files; refuses files over the ceiling before reading them. */
export async function readSpecFile(
  absPath: string,
  displayPath: string,
  maxFileSize: number,
): Promise<ReadResult> {
  const where = { file: displayPath, pointer: '' };
  try {
    const info = await stat(absPath);
    if (!info.isFile())
      return {
        ok: false,
        diagnostic: diagnostic('GP001', where, { file: displayPath, reason: 'not a file' }),
      };
    if (info.size > maxFileSize) {
      return {
        ok: false,
        diagnostic: diagnostic('GP002', where, { file: displayPath, size: info.size, limit: maxFileSize }),
      };
    }
    let bytes: Buffer = await readFile(absPath);
    if (absPath.endsWith('.gz')) {
      bytes = gunzipSync(bytes, { maxOutputLength: maxFileSize + 1 });
      if (bytes.length > maxFileSize) throw new RangeError('too large');
    }
    return { ok: true, text: decodeText(bytes) };
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      return {
        ok: false,
        diagnostic: diagnostic('GP002', where, {
          file: displayPath,
          size: `> ${maxFileSize}`,
          limit: maxFileSize,
        }),
      };
    }
    const reason = (error as { code?: string }).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { ok: false, diagnostic: diagnostic('GP001', where, { file: displayPath, reason }) };
  }
}

/**
 * Only with `--allow-remote-refs`: fetches a referenced document, bounded by the same size
 * ceiling. The body is read as a stream and the request aborted as soon as it passes the
 * ceiling (or announces a larger `Content-Length`), so an endless or huge response costs at
 * most the ceiling in memory. The ceiling applies to the decoded bytes, so a gzip bomb is cut
 * off too.
 */
export async function fetchSpec(url: string, maxFileSize: number): Promise<ReadResult> {
  const where = { file: url, pointer: '' };
  const controller = new AbortController();
  const tooLarge = (size: number | string): ReadResult => {
    controller.abort();
    return { ok: false, diagnostic: diagnostic('GP002', where, { file: url, size, limit: maxFileSize }) };
  };
  try {
    const response = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.any([controller.signal, AbortSignal.timeout(15_000)]),
    });
    if (!response.ok) {
      controller.abort();
      return {
        ok: false,
        diagnostic: diagnostic('GP001', where, { file: url, reason: `HTTP ${response.status}` }),
      };
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxFileSize) return tooLarge(declared);
    const chunks: Uint8Array[] = [];
    let received = 0;
    const reader = response.body?.getReader();
    for (let next = await reader?.read(); next && !next.done; next = await reader!.read()) {
      received += next.value.byteLength;
      if (received > maxFileSize) return tooLarge(`> ${maxFileSize}`);
      chunks.push(next.value);
    }
    return { ok: true, text: decodeText(Buffer.concat(chunks)) };
  } catch (error) {
    return {
      ok: false,
      diagnostic: diagnostic('GP001', where, { file: url, reason: (error as Error).message }),
    };
  }
}

/** UTF-8 text without a byte order mark, which JSON.parse refuses and YAML skips: both read the same. */
function decodeText(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
