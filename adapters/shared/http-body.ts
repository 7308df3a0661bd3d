import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { sendJson } from '../../src/http/server.js';

/** A body over the route's limit: the client's fault, answered 413. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`body over ${limit} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/**
 * A request's body, read whole up to `maxBytes`. Past that (or when Content-Length says so
 * up front) it rejects with `BodyTooLarge` and drains the rest unread, so the caller can
 * still answer 413 on the same connection.
 */
export const readBodyBytes = (req: IncomingMessage, maxBytes: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const tooLarge = () => {
      req.removeAllListeners('data');
      req.resume();
      reject(new BodyTooLarge(maxBytes));
    };
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge();
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** The body as UTF-8 text (see `readBodyBytes`). */
export const readBody = async (req: IncomingMessage, maxBytes: number): Promise<string> =>
  (await readBodyBytes(req, maxBytes)).toString('utf8');

/** A webhook's refusal: the status and one line saying what was wrong. */
export const refuse = (
  res: ServerResponse,
  status: number,
  error: string,
  headers: OutgoingHttpHeaders = {},
): void => sendJson(res, status, { error }, headers);

/** The media type of the request's Content-Type, without parameters, in lower case. */
export const mediaTypeOf = (req: IncomingMessage): string =>
  (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** The body up to `maxBytes`, or undefined once a 413 has been answered. */
export const readBodyOrRefuse = async (
  req: IncomingMessage,
  res: ServerResponse,
  maxBytes: number,
): Promise<Buffer | undefined> => {
  try {
    return await readBodyBytes(req, maxBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    refuse(res, 413, error.message, { connection: 'close' });
    return undefined;
  }
};
