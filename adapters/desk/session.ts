/**
 * The desk page's session: a cookie holding the agent id and an expiry, signed with
 * HMAC-SHA256 under a key every replica shares. Nothing is stored per session; the agent is
 * checked again on every request (still active, still a lead or admin).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const SESSION_COOKIE = 'caseline_desk';

const payloadSchema = z.object({ a: z.string().min(1), e: z.number().int() });

export interface DeskSession {
  readonly agentId: string;
  readonly expiresAt: number;
}

const mac = (key: Buffer, payload: string): Buffer =>
  createHmac('sha256', key).update(payload).digest();

export const signSession = (key: Buffer, session: DeskSession): string => {
  const payload = Buffer.from(
    JSON.stringify({ a: session.agentId, e: session.expiresAt }),
  ).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
};

/** The session a Cookie header carries, if its signature holds and it has not expired. */
export const readSession = (
  key: Buffer,
  cookieHeader: string | undefined,
  nowMs: number,
): DeskSession | undefined => {
  const value = (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${SESSION_COOKIE}=`))
    ?.slice(SESSION_COOKIE.length + 1);
  const [payload, signature, extra] = (value ?? '').split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = mac(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success || parsed.data.e <= nowMs) return undefined;
  return { agentId: parsed.data.a, expiresAt: parsed.data.e };
};

/**
 * Set-Cookie for a session (or, with `maxAgeSeconds` 0, its removal). HttpOnly: no script
 * reads it; SameSite=Strict: no other site's page sends it; Path=/desk: the chat endpoints
 * on this server never see it; Secure whenever the desk is reached over https.
 */
export const sessionCookie = (
  value: string,
  options: { readonly secure: boolean; readonly maxAgeSeconds: number },
): string =>
  [
    `${SESSION_COOKIE}=${value}`,
    'Path=/desk',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${options.maxAgeSeconds}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
