import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../shared/http-body.js';

const MAX_BODY = 256 * 1024;

export const readJson = async (req: IncomingMessage): Promise<unknown> => {
  const text = await readBody(req, MAX_BODY);
  try {
    return text ? (JSON.parse(text) as unknown) : {};
  } catch {
    throw new Error('body is not JSON');
  }
};

export const json = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
};
