/**
 * The customer card as an Adaptive Card, drawn from the chat-neutral view
 * (src/presentation): what the case is, where it stands, who has it or how it ended, and
 * the actions the view offers.
 */
import type { CustomerCardView } from '../../../src/presentation/customer-card-view.js';
import { caseActionElements } from './card-actions.js';
import { teamsTimed } from './card-time.js';
import {
  card,
  escapeCardText,
  refreshFor,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './card.js';

export const renderCustomerCard = (
  view: CustomerCardView,
  /** Agents' Teams user ids: they get the agent view of this card on refresh. */
  agentUserIds: readonly string[] = [],
): AdaptiveCard => {
  const body: CardElement[] = [];
  if (view.notice)
    body.push(textBlock(escapeCardText(view.notice), { color: 'Warning', weight: 'Bolder' }));
  body.push(
    textBlock(`${view.number} · ${escapeCardText(view.title, 500)}`, {
      size: 'Medium',
      weight: 'Bolder',
    }),
    textBlock(escapeCardText(view.statusLabel), { weight: 'Bolder' }),
    textBlock(escapeCardText(view.sentence)),
  );
  if (view.promise)
    body.push(textBlock(teamsTimed(view.promise, view.timeZone), { isSubtle: true }));
  const r = view.resolution;
  if (r) {
    body.push(
      textBlock(`Solution (${escapeCardText(r.typeLabel)})`, { weight: 'Bolder' }),
      textBlock(escapeCardText(r.text, 2500)),
    );
    if (r.docLink) body.push(textBlock(`[Documentation](${encodeURI(r.docLink)})`));
  }
  if (view.owner)
    body.push(
      textBlock(
        teamsTimed(view.owner, view.timeZone),
        view.owner.tone === 'waiting' ? { isSubtle: true } : {},
      ),
    );
  for (const issue of view.issues)
    body.push(
      textBlock(
        `Follow the fix: [${escapeCardText(issue.title ?? issue.url, 120)}](${encodeURI(issue.url)})`,
      ),
    );
  return card(
    body,
    caseActionElements(view.actions, view.caseId),
    refreshFor(view.caseId, 'customer', agentUserIds),
  );
};
