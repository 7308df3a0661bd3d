/**
 * A planned line (src/presentation/thread-line.ts) as Slack mrkdwn. Every part is escaped,
 * so a name or a reply can never ping a channel or spoof a link.
 */
import type { LineMark, ThreadLine } from '../../src/presentation/thread-line.js';
import { escapeMrkdwn, mrkdwnLink } from './render/escape.js';

const MARKS: Readonly<Record<LineMark, string>> = {
  note: ':lock:',
  message: ':speech_balloon:',
  'on-it': ':wave:',
  question: ':question:',
  reopened: ':arrows_counterclockwise:',
  solved: ':white_check_mark:',
  closed: ':lock:',
  waiting: ':hourglass:',
  'sla-warning': ':warning:',
  'sla-breach': ':rotating_light:',
  languishing: ':snail:',
  alert: ':bell:',
  document: ':page_facing_up:',
};

export const slackLine = (line: ThreadLine): string => {
  const body = line.parts
    .map((part) => {
      switch (part.kind) {
        case 'strong':
          return `*${escapeMrkdwn(part.text)}*`;
        case 'words':
          return escapeMrkdwn(part.text);
        case 'link':
          return mrkdwnLink(part.url);
        case 'break':
          return '\n';
      }
    })
    .join('');
  return line.mark ? `${MARKS[line.mark]} ${body}` : body;
};
