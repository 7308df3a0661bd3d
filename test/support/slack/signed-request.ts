/**
 * Sends requests the way Slack does, signed per "Verifying requests from Slack":
 * `x-slack-signature: v0=<hex HMAC-SHA256(secret, "v0:" + timestamp + ":" + rawBody)>` and
 * `x-slack-request-timestamp` in seconds. Events are JSON; slash commands are form fields;
 * interactions and options requests are one form field, `payload=<json>`.
 */
import { createHmac } from 'node:crypto';

export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

export type SlackRequestKind = 'event' | 'command' | 'interaction' | 'options';

export interface SlackPostOptions {
  /** Adds `X-Slack-Retry-Num`, as Slack does when it redelivers an event. */
  retryNum?: number;
  /** `X-Slack-Retry-Reason`, e.g. `http_timeout` or `http_error`. */
  retryReason?: string;
  /** Request timestamp in seconds; default now (older than 5 minutes is refused). */
  timestamp?: number;
  /** Sends a signature that does not match the body (made with another secret). */
  badSignature?: boolean;
}

export interface SlackPostResult {
  status: number;
  /** The response body as text; bolt acks with an empty body or JSON. */
  body: string;
  json?: unknown;
  /** Exactly what was sent, for checking the signing itself. */
  request: { url: string; headers: Record<string, string>; body: string };
}

export const signSlackRequest = (
  secret: string,
  rawBody: string,
  timestampSeconds: number = Math.floor(Date.now() / 1000),
): SlackSignatureHeaders => {
  const hmac = createHmac('sha256', secret).update(`v0:${timestampSeconds}:${rawBody}`);
  return {
    'x-slack-signature': `v0=${hmac.digest('hex')}`,
    'x-slack-request-timestamp': String(timestampSeconds),
  };
};

const FORM = 'application/x-www-form-urlencoded';

/** Serializes a payload the way Slack sends that kind of request. */
export const encodeSlackBody = (
  kind: SlackRequestKind,
  payload: object,
): { body: string; contentType: string } => {
  if (kind === 'event') return { body: JSON.stringify(payload), contentType: 'application/json' };
  if (kind === 'command') {
    const fields = Object.entries(payload).map(([key, value]): [string, string] => [
      key,
      String(value),
    ]);
    return { body: new URLSearchParams(fields).toString(), contentType: FORM };
  }
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return { body, contentType: FORM };
};

/**
 * POSTs a signed request. `baseUrl` is the app's request URL; a bare origin
 * (`http://127.0.0.1:3000`) gets bolt's default path `/slack/events`.
 */
export const postToSlackEndpoint = async (
  baseUrl: string,
  secret: string,
  kind: SlackRequestKind,
  payload: object,
  options: SlackPostOptions = {},
): Promise<SlackPostResult> => {
  const url = new URL(baseUrl);
  if (url.pathname === '/') url.pathname = '/slack/events';
  const { body, contentType } = encodeSlackBody(kind, payload);
  const signingSecret = options.badSignature ? `${secret}-not-the-signing-secret` : secret;
  const headers: Record<string, string> = {
    'content-type': contentType,
    ...signSlackRequest(signingSecret, body, options.timestamp),
    ...(options.retryNum === undefined ? {} : { 'x-slack-retry-num': String(options.retryNum) }),
    ...(options.retryReason ? { 'x-slack-retry-reason': options.retryReason } : {}),
  };
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  const result = { status: response.status, body: text, request: { url: url.href, headers, body } };
  try {
    return text === '' ? result : { ...result, json: JSON.parse(text) as unknown };
  } catch {
    return result;
  }
};
