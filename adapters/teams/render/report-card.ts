/**
 * A report card (src/presentation/report-cards.ts) as an Adaptive Card: the title, what it
 * covers, the key figures as a FactSet and each table as a 1.5 `Table` (the playground's
 * Web Chat renders the same card).
 */
import type { ReportCard, ReportTable } from '../../../src/presentation/report-cards.js';
import {
  card,
  escapeCardText,
  facts,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './card.js';

const tableCell = (text: string, bold = false): CardElement => ({
  type: 'TableCell',
  items: [textBlock(escapeCardText(text, 200), bold ? { weight: 'Bolder' } : {})],
});

const table = (t: ReportTable): CardElement[] => [
  textBlock(escapeCardText(t.title, 200), { weight: 'Bolder', spacing: 'Medium' }),
  {
    type: 'Table',
    columns: t.columns.map((_, i) => ({ width: i === 0 ? 3 : 2 })),
    firstRowAsHeader: true,
    showGridLines: false,
    rows: [t.columns, ...t.rows].map((row, r) => ({
      type: 'TableRow',
      cells: row.map((text) => tableCell(text, r === 0)),
    })),
  },
  ...(t.more ? [textBlock(escapeCardText(t.more, 200), { isSubtle: true, size: 'Small' })] : []),
];

export const reportAdaptiveCard = (report: ReportCard): AdaptiveCard =>
  card([
    textBlock(escapeCardText(report.title, 200), { size: 'Large', weight: 'Bolder' }),
    textBlock(escapeCardText(report.period, 300), { isSubtle: true, spacing: 'None' }),
    facts(report.figures.map((f) => [escapeCardText(f.label, 100), escapeCardText(f.value, 300)])),
    ...(report.note
      ? [textBlock(escapeCardText(report.note, 500), { isSubtle: true, size: 'Small' })]
      : []),
    ...report.tables.flatMap(table),
  ]);
