import type { CaseEvent } from '../../../src/domain/case/types.js';
import { statusById, type Workflow } from '../../../src/domain/workflow/index.js';

/** Plain message text: HTML and markdown that could spoof a mention or a link is neutralised. */
export const escapeMessageText = (text: string, max = 4000): string =>
  (text.length > max ? `${text.slice(0, max - 1)}…` : text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]])/g, '\\$1');

/**
 * The short message posted under a card: replies and notes with who wrote them, and the
 * customer's milestones. Customer lines come only from events of the customer view.
 */
export const threadLine = (
  event: CaseEvent,
  audience: 'customer' | 'staff',
  workflow: Workflow,
): string | undefined => {
  const who = escapeMessageText(event.actor.name, 120);
  const said = escapeMessageText(event.text ?? '');
  if (event.type === 'note')
    return audience === 'staff' ? `🔒 Internal note by ${who}: ${said}` : undefined;
  if (event.type === 'commented')
    return audience === 'staff' ? `💬 ${who} (customer) wrote: ${said}` : `${who}: ${said}`;
  if (event.type === 'replied')
    return audience === 'staff' ? `💬 ${who} replied to the customer: ${said}` : `${who}: ${said}`;
  if (audience === 'staff') return undefined;
  if (event.type === 'claimed' || event.type === 'assigned') {
    const name = typeof event.data?.assigneeName === 'string' ? event.data.assigneeName : 'Someone';
    return `👋 ${escapeMessageText(name, 120)} is on it.`;
  }
  if (event.type === 'status-languishing' && event.text)
    return `❓ ${escapeMessageText(event.text)}`;
  if (event.type === 'reopened') return '🔄 Your case is open again; we are on it.';
  const to = typeof event.data?.to === 'string' ? statusById(workflow, event.data.to) : undefined;
  if (event.type !== 'status-changed' || !to) return undefined;
  if (to.category === 'solved')
    return '✅ Solved. The card above shows the solution; reply here if it does not fix it.';
  if (to.category === 'closed')
    return '🔒 This case is closed. Write a new message if you need more help.';
  if (to.category === 'pending-customer')
    return `⏳ ${escapeMessageText(to.customerSentence.replace(/\{nextUpdate\}/g, 'soon'))}`;
  return undefined;
};
