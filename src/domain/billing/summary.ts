import type { CaseEventType } from '../case/types.js';
import type { InvoiceLine } from './invoice.js';

/** Minutes and money added up over some invoice lines. */
export interface TimeTotals {
  readonly minutes: number;
  readonly billedMinutes: number;
  readonly includedMinutes: number;
  readonly chargedMinutes: number;
  /** Amount per currency (minor units): an organization may hold contracts in two. */
  readonly amounts: Readonly<Record<string, number>>;
}

export interface ActionTime extends TimeTotals {
  readonly action: CaseEventType;
}

export interface CaseTime extends TimeTotals {
  readonly caseNumber: string;
  readonly caseTitle: string;
  readonly actions: readonly ActionTime[];
}

export interface OrganizationTime extends TimeTotals {
  readonly organizationKey: string;
  readonly cases: readonly CaseTime[];
}

const totalsOf = (lines: readonly InvoiceLine[]): TimeTotals => {
  const amounts: Record<string, number> = {};
  for (const line of lines)
    if (line.currency !== undefined && line.amountMinor !== undefined)
      amounts[line.currency] = (amounts[line.currency] ?? 0) + line.amountMinor;
  const sum = (pick: (line: InvoiceLine) => number) =>
    lines.reduce((total, line) => total + pick(line), 0);
  return {
    minutes: sum((l) => l.minutes),
    billedMinutes: sum((l) => l.billedMinutes),
    includedMinutes: sum((l) => l.includedMinutes),
    chargedMinutes: sum((l) => l.chargedMinutes),
    amounts,
  };
};

const groupBy = <K extends string>(
  lines: readonly InvoiceLine[],
  key: (line: InvoiceLine) => K,
): [K, InvoiceLine[]][] => {
  const groups = new Map<K, InvoiceLine[]>();
  for (const line of lines) {
    const group = groups.get(key(line));
    if (group) group.push(line);
    else groups.set(key(line), [line]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
};

/** Minutes and amounts per organization, case and action, each sorted by its key. */
export const summarizeTime = (lines: readonly InvoiceLine[]): OrganizationTime[] =>
  groupBy(lines, (l) => l.organizationKey).map(([organizationKey, orgLines]) => ({
    organizationKey,
    ...totalsOf(orgLines),
    cases: groupBy(orgLines, (l) => l.caseNumber).map(([caseNumber, caseLines]) => ({
      caseNumber,
      caseTitle: caseLines[0]!.caseTitle,
      ...totalsOf(caseLines),
      actions: groupBy(caseLines, (l) => l.action).map(([action, actionLines]) => ({
        action,
        ...totalsOf(actionLines),
      })),
    })),
  }));
