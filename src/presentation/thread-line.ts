/**
 * The short messages posted under a case's cards and to the people an alert names, in
 * chat-neutral words: a line is a mark (which each chat draws as its own emoji) and parts.
 * `strong` parts are ours (a name, a case number), shown emphasised where the chat can;
 * `words` may be a person's own text. Every part is plain text: a renderer escapes it.
 */
import type { CaseEvent } from '../domain/case/types.js';
import type { CustomerCaseView, StaffCaseView } from '../domain/case/view.js';
import { statusById, type Workflow } from '../domain/workflow/index.js';

export const LINE_MARKS = [
  'note',
  'message',
  'on-it',
  'question',
  'reopened',
  'solved',
  'closed',
  'waiting',
  'sla-warning',
  'sla-breach',
  'languishing',
  'alert',
  'document',
] as const;
export type LineMark = (typeof LINE_MARKS)[number];

export type LinePart =
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'words'; readonly text: string }
  | { readonly kind: 'link'; readonly url: string }
  | { readonly kind: 'break' };

export interface ThreadLine {
  readonly mark?: LineMark;
  readonly parts: readonly LinePart[];
}

const strong = (text: string): LinePart => ({ kind: 'strong', text });
const words = (text: string): LinePart => ({ kind: 'words', text });
const line = (mark: LineMark | undefined, ...parts: LinePart[]): ThreadLine =>
  mark ? { mark, parts } : { parts };

/** The words of a line without marks or emphasis: a notification's preview, a log. */
export const plainLine = (thread: ThreadLine): string =>
  thread.parts
    .map((p) => (p.kind === 'link' ? p.url : p.kind === 'break' ? '\n' : p.text))
    .join('')
    .replace(/ \n/g, '\n');

/**
 * A reply or a customer's comment as the customer reads it in their thread. Anything else
 * (a note that reached a customer notification by mistake) gets no line.
 */
export const customerMessageLine = (event: CaseEvent): ThreadLine | undefined =>
  event.type === 'replied' || event.type === 'commented'
    ? line(undefined, strong(`${event.actor.name}:`), words(` ${event.text ?? ''}`))
    : undefined;

/** A note or a public message as the desk reads it under the agent card. */
export const staffMessageLine = (event: CaseEvent): ThreadLine | undefined => {
  const said = words(` ${event.text ?? ''}`);
  if (event.type === 'note')
    return line('note', strong(`Internal note by ${event.actor.name}:`), said);
  if (event.type === 'commented')
    return line('message', strong(`${event.actor.name} (customer) wrote:`), said);
  if (event.type === 'replied')
    return line('message', strong(`${event.actor.name} replied to the customer:`), said);
  return undefined;
};

/** The thread message a customer gets at a milestone, or undefined for none. */
export const milestoneLine = (
  view: CustomerCaseView,
  event: CaseEvent,
  workflow: Workflow,
): ThreadLine | undefined => {
  if (event.type === 'status-languishing' && event.text) return line('question', words(event.text));
  if (event.type === 'claimed' || event.type === 'assigned') {
    const name = typeof event.data?.assigneeName === 'string' ? event.data.assigneeName : 'Someone';
    return line('on-it', words(`${name} is on it.`));
  }
  if (event.type === 'reopened')
    return line('reopened', words('Your case is open again; we are on it.'));
  const to = typeof event.data?.to === 'string' ? statusById(workflow, event.data.to) : undefined;
  if (event.type !== 'status-changed' || !to) return undefined;
  if (to.category === 'pending-customer')
    return line('waiting', words(to.customerSentence.replace(/\{nextUpdate\}/g, 'soon')));
  if (to.category === 'closed')
    return line('closed', words('This case is closed. Write a new message if you need more help.'));
  if (to.category !== 'solved') return undefined;
  // The solution itself, so the notification says it without opening the card.
  const resolution = view.resolution;
  return line(
    'solved',
    strong('Solved:'),
    words(` ${resolution?.text ?? ''}`),
    ...(resolution?.docLink
      ? [words(' Documentation: '), { kind: 'link' as const, url: resolution.docLink }]
      : []),
    { kind: 'break' },
    words('If this does not fix it, reply here and we will pick it up again.'),
  );
};

const ALERT_MARKS: Partial<Record<CaseEvent['type'], LineMark>> = {
  'sla-warning': 'sla-warning',
  'sla-breached': 'sla-breach',
  'sla-reescalated': 'sla-breach',
  'status-languishing': 'languishing',
};

const TITLE_IN_ALERT = 120;

/** An SLA reminder or escalation for staff: which case, what was reached, who is told. */
export const slaAlertLine = (view: StaffCaseView, event: CaseEvent): ThreadLine => {
  const told = typeof event.data?.told === 'string' ? [words(` Told: ${event.data.told}.`)] : [];
  return line(
    ALERT_MARKS[event.type] ?? 'alert',
    strong(view.number),
    words(` ${view.title.slice(0, TITLE_IN_ALERT)}: ${event.text ?? ''}`),
    ...told,
  );
};

/** A low satisfaction score, for the queue lead and the case's thread, with the comment. */
export const csatLowScoreLine = (view: StaffCaseView, event: CaseEvent): ThreadLine => {
  const worked = typeof event.data?.agentNames === 'string' ? event.data.agentNames : '';
  return line(
    'alert',
    strong(view.number),
    words(
      ` ${view.title.slice(0, TITLE_IN_ALERT)}: the customer rated it ${String(event.data?.score)} of 5` +
        (worked ? ` (worked by ${worked}).` : '.'),
    ),
    ...(event.text ? [{ kind: 'break' } as const, words(`"${event.text}"`)] : []),
  );
};

/** The DM an agent gets when a queue assigns them a case: which one and why them. */
export const assignmentLine = (view: StaffCaseView, event: CaseEvent): ThreadLine => {
  const why = typeof event.data?.reason === 'string' ? ` (${event.data.reason})` : '';
  return line(
    'on-it',
    strong(view.number),
    words(` ${view.title.slice(0, TITLE_IN_ALERT)} is yours${why}.`),
  );
};

/** A staff announcement about no single case (an expiring contract). */
export const announcementLine = (text: string): ThreadLine => line('document', words(text));
