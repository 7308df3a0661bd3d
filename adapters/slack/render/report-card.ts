/**
 * A report card (src/presentation/report-cards.ts) as Block Kit: the title, what it covers,
 * the key figures as two-column fields, and each table as aligned monospace text (Block
 * Kit has no table block that every client shows).
 */
import type { KnownBlock } from '@slack/types';
import type { ReportCard, ReportTable } from '../../../src/presentation/report-cards.js';
import { context, fields, header, LIMITS, section, type SlackMessage } from './blocks.js';
import { escapeMrkdwn } from './escape.js';

const CELL = 24;

const cell = (text: string): string => (text.length > CELL ? `${text.slice(0, CELL - 1)}…` : text);

/** Columns padded to their widest cell; numbers (every column but the first) right-aligned. */
export const alignedTable = (t: ReportTable): string => {
  const rows = [t.columns, ...t.rows].map((row) => row.map(cell));
  const widths = t.columns.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((text, i) => (i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
};

const tableBlock = (t: ReportTable): KnownBlock => {
  const body = alignedTable(t);
  const more = t.more ? `\n_${escapeMrkdwn(t.more)}_` : '';
  // Inside ``` Slack shows the text as it is, but &, < and > must still be escaped.
  const text = `*${escapeMrkdwn(t.title)}*\n\`\`\`${escapeMrkdwn(body)}\`\`\`${more}`;
  return section(text.length > LIMITS.sectionText ? `*${escapeMrkdwn(t.title)}*` : text);
};

export const reportCardMessage = (card: ReportCard): SlackMessage => {
  const figureFields = card.figures.map(
    (f) => `*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`,
  );
  const blocks: KnownBlock[] = [
    header(card.title),
    context([escapeMrkdwn(card.period)]),
    // Slack shows at most ten fields a section.
    ...[0, LIMITS.sectionFields]
      .map((start) => figureFields.slice(start, start + LIMITS.sectionFields))
      .filter((part) => part.length > 0)
      .map(fields),
    ...(card.note ? [context([escapeMrkdwn(card.note)])] : []),
    ...card.tables.map(tableBlock),
  ];
  const text = `${card.title} (${card.period}): ${card.figures
    .slice(0, 3)
    .map((f) => `${f.label} ${f.value}`)
    .join(', ')}`;
  return { text, blocks };
};
