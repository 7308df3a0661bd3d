import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import type { Logger } from 'pino';
import { mediaTypeOf, readBodyOrRefuse, refuse } from '../shared/http-body.js';
import { slackDelivery } from './delivery.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

// A Slack event with a 40,000-character message (Slack's limit) carries the text twice
// (text and blocks): 80 KB in ASCII, 240 KB in 3-byte UTF-8, 480 KB \u-escaped. Past
// 1 MiB it is not Slack.
export const SLACK_MAX_BODY = 1024 * 1024;

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** The body as Slack sends it, or why it is not one (the signature is bolt's to check). */
const shapeProblem = (type: string, text: string): string | undefined => {
  if (type === FORM_TYPE) {
    const form = parseForm(text);
    if (form.ssl_check === '1') return undefined;
    if (typeof form.payload === 'string') {
      return slackDelivery(parseJson(form.payload))
        ? undefined
        : 'payload is not a Slack interaction';
    }
    return slackDelivery(form) ? undefined : 'form is not a Slack command';
  }
  const body = parseJson(text);
  if (!isObject(body)) return 'body must be a JSON object';
  if (body.type === 'url_verification')
    return typeof body.challenge === 'string' ? undefined : 'url_verification needs a challenge';
  if (body.type === 'app_rate_limited') return undefined;
  return slackDelivery(body) ? undefined : 'body is not a Slack event';
};

/**
 * `/slack/events` before bolt sees it (its route takes POST only): Slack's two content
 * types, a bounded body, and a shape bolt can read. bolt's HTTPReceiver reads properties of the parsed body
 * in a promise nothing awaits, so a signed `null` there stopped the process; here it is a
 * 400. What bolt itself throws is caught and answered.
 */
export const guardSlackEvents =
  (listener: Listener, log: Logger) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const type = mediaTypeOf(req);
    if (type !== JSON_TYPE && type !== FORM_TYPE)
      return refuse(res, 415, `content-type must be ${JSON_TYPE} or ${FORM_TYPE}`);
    const raw = await readBodyOrRefuse(req, res, SLACK_MAX_BODY);
    if (!raw) return;
    const problem = shapeProblem(type, raw.toString('utf8'));
    if (problem) {
      log.info({ problem }, 'slack: malformed request refused');
      return refuse(res, 400, problem);
    }
    // bolt matches the content type exactly; the signature covers the body, not headers.
    req.headers['content-type'] = type;
    Object.assign(req, { rawBody: raw });
    listener(req, res);
  };
