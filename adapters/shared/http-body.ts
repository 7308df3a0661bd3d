import type { IncomingMessage } from 'node:http';

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
