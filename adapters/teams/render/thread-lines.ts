/**
 * Plain Teams message text, and a planned line (src/presentation/thread-line.ts) in it.
 * Every part is escaped, so a name or a reply can never spoof a mention or a link.
 */
import type { LineMark, ThreadLine } from '../../../src/presentation/thread-line.js';

/** Plain message text: HTML and markdown that could spoof a mention or a link is neutralised. */
export const escapeMessageText = (text: string, max = 4000): string =>
  (text.length > max ? `${text.slice(0, max - 1)}…` : text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]])/g, '\\$1');

const MARKS: Readonly<Record<LineMark, string>> = {
  note: '🔒',
  message: '💬',
  'on-it': '👋',
  question: '❓',
  reopened: '🔄',
  solved: '✅',
  closed: '🔒',
  waiting: '⏳',
  'sla-warning': '⚠',
  'sla-breach': '🚨',
  languishing: '🐌',
  alert: '🔔',
  document: '📄',
};

/** Names and case numbers stay short: a pasted essay as a display name is not a line. */
const STRONG_MAX = 160;

export const teamsLine = (line: ThreadLine): string => {
  const body = line.parts
    .map((part) => {
      switch (part.kind) {
        case 'strong':
          return `**${escapeMessageText(part.text, STRONG_MAX)}**`;
        case 'words':
          return escapeMessageText(part.text);
        case 'link':
          return escapeMessageText(part.url);
        case 'break':
          return '\n\n';
      }
    })
    .join('');
  return line.mark ? `${MARKS[line.mark]} ${body}` : body;
};
