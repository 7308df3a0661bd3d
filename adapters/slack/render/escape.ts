/**
 * Making user text safe to echo in Slack mrkdwn, and short enough for Block Kit's limits.
 * Slack treats `&`, `<` and `>` as control characters ("Escaping text" in Slack's formatting
 * guide): `<!channel>`, `<@U123>` and `<https://evil|bank>` only exist because of them.
 */

const ELLIPSIS = '…';

// Only these three, and nothing else: Slack decodes no other entity, so escaping more
// (e.g. `'` → `&#39;`) would show up literally in the message.
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

// With `verbatim` off (Slack's default, which keeps pasted URLs clickable) Slack also turns a
// bare "@here" into a notification; a zero-width space after the @ keeps the word readable.
const BROADCAST = /@(here|channel|everyone)\b/gi;

/** User text as inert mrkdwn: no mentions, no links, no broadcasts; `*bold*` stays. */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/[&<>]/g, (char) => ENTITY[char] ?? char).replace(BROADCAST, '@\u200B$1');

// A cut between the two halves of a surrogate pair would leave an invalid character.
const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

const cutAt = (text: string, end: number): string =>
  end > 0 && isHighSurrogate(text.charCodeAt(end - 1))
    ? text.slice(0, end - 1)
    : text.slice(0, end);

/** At most `max` characters, ending in "…" when something was cut. */
export const truncate = (text: string, max: number): string => {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  return `${cutAt(text, max - 1)}${ELLIPSIS}`;
};

/**
 * Where to cut escaped text at or before `end` without splitting an entity (half of `&amp;`
 * renders as a stray `&am`) or a surrogate pair.
 */
export const safeCut = (escaped: string, end: number): number => {
  let cut = Math.max(0, Math.min(end, escaped.length));
  const amp = escaped.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp > cut - 5 && !escaped.slice(amp, cut).includes(';')) cut = amp;
  return cut > 0 && isHighSurrogate(escaped.charCodeAt(cut - 1)) ? cut - 1 : cut;
};

/** Like `truncate`, for text that is already escaped. */
export const truncateEscaped = (escaped: string, max: number): string => {
  if (escaped.length <= max) return escaped;
  if (max <= 0) return '';
  return `${escaped.slice(0, safeCut(escaped, max - 1))}${ELLIPSIS}`;
};

/** Escapes user text and fits it into `max` characters of mrkdwn. */
export const safeMrkdwn = (text: string, max: number): string =>
  truncateEscaped(escapeMrkdwn(text), max);

// Slack ends the URL part of `<url|label>` at `|` or `>`, so such URLs cannot be linked safely.
const LINKABLE = /^https?:\/\/[^\s<>|]+$/i;

/**
 * A mrkdwn link to an http(s) URL with an escaped label; anything else is shown as inert
 * text, so a stored value can never smuggle in a `<!channel>` or a spoofed label.
 */
export const mrkdwnLink = (url: string, label?: string): string => {
  const text = escapeMrkdwn(label?.trim() || url);
  return LINKABLE.test(url) ? `<${url.replace(/&/g, '&amp;')}|${text}>` : text;
};
