import type { IncomingMessage } from 'node:http';
import zlib from 'node:zlib';
import Negotiator from 'negotiator';

/** Bodies smaller than this go out as they are: compressing them costs more than it saves. */
export const COMPRESS_FROM_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

/** The encoding a request accepts for a body of `bytes` (brotli first), or null to send it as it is. */
export function encodingFor(req: IncomingMessage, bytes: number): Encoding | null {
  if (bytes < COMPRESS_FROM_BYTES || !req.headers['accept-encoding']) return null;
  const chosen = new Negotiator(req).encoding(['br', 'gzip', 'identity']);
  return chosen === 'br' || chosen === 'gzip' ? chosen : null;
}

/** `body` compressed; brotli at quality 5, where it is as fast as gzip and a quarter smaller. */
export function encode(body: string, encoding: Encoding): Buffer {
  return encoding === 'br' ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }) : zlib.gzipSync(body);
}
