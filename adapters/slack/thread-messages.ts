import type { CaseEvent } from '../../src/domain/case/types.js';
import type { CustomerCaseView, StaffCaseView } from '../../src/domain/case/view.js';
import { statusById, type Workflow } from '../../src/domain/workflow/index.js';
import { escapeMrkdwn } from './render/escape.js';

/** Every line that echoes user text goes through escapeMrkdwn: no pings, no spoofed links. */
export const publicReplyFor = (event: CaseEvent): string =>
  `*${escapeMrkdwn(event.actor.name)}:* ${escapeMrkdwn(event.text ?? '')}`;

export const noteForStaff = (event: CaseEvent): string =>
  `:lock: *Internal note by ${escapeMrkdwn(event.actor.name)}:* ${escapeMrkdwn(event.text ?? '')}`;

export const mirrorForStaff = (event: CaseEvent): string =>
  `:speech_balloon: *${escapeMrkdwn(event.actor.name)} (${event.actor.role}) wrote to the customer thread:* ${escapeMrkdwn(event.text ?? '')}`;

const ALERT_ICONS: Partial<Record<CaseEvent['type'], string>> = {
  'sla-warning': ':warning:',
  'sla-breached': ':rotating_light:',
  'sla-reescalated': ':rotating_light:',
  'status-languishing': ':snail:',
};

/** An SLA reminder or escalation for staff: which case, what was reached, who is told. */
export const slaAlertFor = (view: StaffCaseView, event: CaseEvent): string => {
  const told =
    typeof event.data?.told === 'string' ? ` Told: ${escapeMrkdwn(event.data.told)}.` : '';
  return `${ALERT_ICONS[event.type] ?? ':bell:'} *${escapeMrkdwn(view.number)}* ${escapeMrkdwn(view.title.slice(0, 120))}: ${escapeMrkdwn(event.text ?? '')}${told}`;
};

/** The short thread message a customer gets at a milestone, or undefined for none. */
export const milestoneFor = (
  view: CustomerCaseView,
  event: CaseEvent,
  workflow: Workflow,
): string | undefined => {
  if (event.type === 'status-languishing' && event.text) {
    return `:question: ${escapeMrkdwn(event.text)}`;
  }
  if (event.type === 'claimed' || event.type === 'assigned') {
    const name = typeof event.data?.assigneeName === 'string' ? event.data.assigneeName : 'Someone';
    return `:wave: ${escapeMrkdwn(name)} is on it.`;
  }
  const to = typeof event.data?.to === 'string' ? statusById(workflow, event.data.to) : undefined;
  if (event.type === 'reopened')
    return ':arrows_counterclockwise: Your case is open again; we are on it.';
  if (!to) return undefined;
  if (to.category === 'pending-customer')
    return `:hourglass: ${escapeMrkdwn(to.customerSentence.replace(/\{nextUpdate\}/g, 'soon'))}`;
  if (to.category === 'solved') {
    const resolution = view.resolution;
    const doc = resolution?.docLink ? ` Documentation: ${escapeMrkdwn(resolution.docLink)}` : '';
    return `:white_check_mark: Solved: ${escapeMrkdwn(resolution?.text ?? '')}${doc}\nIf this does not fix it, reply here and we will pick it up again.`;
  }
  if (to.category === 'closed')
    return ':lock: This case is closed. Write a new message if you need more help.';
  return undefined;
};
