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
    return { ok: true, text: bytes.toString('utf8') };
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

/** Only with `--allow-remote-refs`: fetches a referenced document, bounded by the same size ceiling. */
export async function fetchSpec(url: string, maxFileSize: number): Promise<ReadResult> {
  const where = { file: url, pointer: '' };
  try {
    const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(15_000) });
    if (!response.ok)
      return {
        ok: false,
        diagnostic: diagnostic('GP001', where, { file: url, reason: `HTTP ${response.status}` }),
      };
    const text = await response.text();
    if (text.length > maxFileSize) {
      return {
        ok: false,
        diagnostic: diagnostic('GP002', where, { file: url, size: text.length, limit: maxFileSize }),
      };
    }
    return { ok: true, text };
  } catch (error) {
    return {
      ok: false,
      diagnostic: diagnostic('GP001', where, { file: url, reason: (error as Error).message }),
    };
  }
}
