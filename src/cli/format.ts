import type { CaseView } from '../domain/case/view.js';
import type { CaseList } from '../use-cases/list-cases.js';

const pad = (text: string, width: number): string =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

const time = (date: Date): string => date.toISOString().slice(0, 16).replace('T', ' ');

const count = (n: number): string => n.toLocaleString('en');

/** The list's last line: how many it shows of how many match, and how to see more. */
export const listFooter = (shown: number, total: number, max: number): string => {
  if (shown >= total) return `${count(total)} case${total === 1 ? '' : 's'}`;
  const more = shown < max ? `; --limit ${Math.min(total, max)} shows more` : '';
  return `Showing ${count(shown)} of ${count(total)} cases${more}`;
};

export const formatCaseList = (list: CaseList, max: number): string => {
  const { cases, total } = list;
  if (cases.length === 0) return 'No cases match.';
  const header = `${pad('CASE', 12)} ${pad('PRIORITY', 8)} ${pad('STATUS', 20)} ${pad('QUEUE', 12)} ${pad('ORG', 12)} ${pad('ASSIGNEE', 16)} TITLE`;
  const rows = cases.map(
    (c) =>
      `${pad(c.number, 12)} ${pad(c.priority, 8)} ${pad(c.status, 20)} ${pad(c.queueKey, 12)} ${pad(c.organizationKey, 12)} ${pad(c.assigneeName ?? '-', 16)} ${c.title}`,
  );
  return [header, ...rows, listFooter(cases.length, total, max)].join('\n');
};

/** The whole case and its history, oldest first, internal lines marked. */
export const formatCase = (view: CaseView): string => {
  const c = view.case;
  const lines = [
    `${c.number}  ${c.title}`,
    `  status ${c.status} (${c.statusCategory})  priority ${c.priority}  assignee ${c.assigneeName ?? '-'}`,
    `  organization ${c.organizationKey}  requester ${c.contactName}  opened ${time(c.createdAt)} via ${c.origin.channel}`,
  ];
  if (c.productKey)
    lines.push(`  product ${c.productKey} ${c.productVersion ?? ''} ${c.module ?? ''}`.trimEnd());
  if (view.audience === 'staff') {
    const s = view.case;
    lines.push(
      `  queue ${s.queueKey}  contract ${s.contractLevel ?? '-'} / SLA ${s.slaPolicy ?? '-'}  time logged ${s.minutesLogged} min`,
    );
    if (s.flags.length) lines.push(`  flags: ${s.flags.join(', ')}`);
  }
  if (c.resolution) lines.push(`  resolution (${c.resolution.type}): ${c.resolution.text}`);
  for (const issue of c.linkedIssues) lines.push(`  linked issue: ${issue.url}`);
  if (c.description) lines.push('', c.description);
  lines.push('', 'History:');
  for (const e of c.events) {
    const detail = [e.text, e.data?.to ? `→ ${String(e.data.to)}` : undefined]
      .filter(Boolean)
      .join(' ');
    const minutes = e.minutes ? ` (${e.minutes} min)` : '';
    const mark = e.visibility === 'internal' ? ' [internal]' : '';
    lines.push(
      `  ${time(e.at)}  ${e.actor.name} (${e.actor.role})${mark} ${e.type}${detail ? `: ${detail}` : ''}${minutes}`,
    );
  }
  // Texts too long for their field, whole, after the history that shows their start.
  for (const a of c.attachments) {
    const mark = a.visibility === 'internal' ? ' [internal]' : '';
    lines.push('', `Attached ${a.name}${mark} (${a.text.length} characters):`, a.text);
  }
  return lines.join('\n');
};
