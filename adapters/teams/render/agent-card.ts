/**
 * The agent card as an Adaptive Card, drawn from the chat-neutral view (src/presentation):
 * the facts, the clocks and what the knowledge base found, then the primary actions with
 * the rest in the card's "…" menu. What the card offers is the view's decision.
 */
import type { AgentCardView } from '../../../src/presentation/agent-card-view.js';
import type { SlaTone } from '../../../src/presentation/card-parts.js';
import { caseActionElements } from './card-actions.js';
import { teamsTimed } from './card-time.js';
import {
  card,
  escapeCardText,
  facts,
  refreshFor,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './card.js';

const SLA_ICONS: Readonly<Record<SlaTone, string>> = {
  running: '⏱',
  paused: '⏸',
  breached: '🚨',
  met: '✅',
  escalated: '⏫',
};

const line = (text: string, extra: CardElement = {}) =>
  textBlock(text, { spacing: 'None', ...extra });

const headerBlocks = (view: AgentCardView): CardElement[] => {
  const blocks: CardElement[] = [];
  if (view.notice)
    blocks.push(textBlock(escapeCardText(view.notice), { color: 'Warning', weight: 'Bolder' }));
  blocks.push(
    textBlock(`${view.number} · ${escapeCardText(view.title, 500)}`, {
      size: 'Medium',
      weight: 'Bolder',
    }),
  );
  if (view.warnings.length > 0)
    blocks.push(
      textBlock(escapeCardText(view.warnings.map((w) => w.text).join(' · ')), {
        color: 'Attention',
      }),
    );
  if (view.outcome)
    blocks.push(textBlock(`✅ ${teamsTimed(view.outcome, view.timeZone)}`, { weight: 'Bolder' }));
  return blocks;
};

const problemBlocks = (view: AgentCardView): CardElement[] => {
  const p = view.problem;
  return [
    ...(p.description && p.description !== view.title
      ? [textBlock(escapeCardText(p.description, 1500), { isSubtle: true })]
      : []),
    ...(p.fullTextNote ? [line(`📎 ${escapeCardText(p.fullTextNote)}`)] : []),
    ...(p.impact ? [line(`Impact: ${escapeCardText(p.impact, 500)}`)] : []),
    ...(p.expectation ? [line(`Expectation: ${escapeCardText(p.expectation, 500)}`)] : []),
  ];
};

const knowledgeBlocks = (view: AgentCardView): CardElement[] => [
  ...(view.kb.suggested.length > 0
    ? [
        line(
          `💡 Suggested to the customer: ${view.kb.suggested.map((t) => escapeCardText(t, 200)).join(', ')}`,
        ),
      ]
    : []),
  ...view.kb.why.map((why) => line(`🔎 ${escapeCardText(why, 300)}`)),
  ...(view.kb.lookAlike ? [line(`🔁 ${escapeCardText(view.kb.lookAlike)}`)] : []),
];

const resolutionBlocks = (view: AgentCardView): CardElement[] => {
  const r = view.resolution;
  if (!r) return [];
  return [
    textBlock(`Resolution (${escapeCardText(r.typeLabel)})`, { weight: 'Bolder' }),
    textBlock(escapeCardText(r.text, 500)),
    ...(r.docLink ? [line(`[Docs](${encodeURI(r.docLink)})`)] : []),
  ];
};

export const renderAgentCard = (
  view: AgentCardView,
  /** Agents' Teams user ids: each gets their own view of the card on refresh. */
  agentUserIds: readonly string[] = [],
): AdaptiveCard => {
  const body: CardElement[] = [
    ...headerBlocks(view),
    facts(view.facts.map((f) => [f.label, escapeCardText(f.value)] as const)),
    ...view.sla.map((s) => line(`${SLA_ICONS[s.tone]} ${teamsTimed(s, view.timeZone)}`)),
    ...knowledgeBlocks(view),
    ...problemBlocks(view),
    ...resolutionBlocks(view),
    ...view.issues.map((issue) =>
      textBlock(
        `Issue: [${escapeCardText(issue.title ?? issue.url, 120)}](${encodeURI(issue.url)})`,
      ),
    ),
    line(
      [teamsTimed(view.opened, view.timeZone), ...view.work.map((w) => escapeCardText(w))].join(
        ' · ',
      ),
      {
        isSubtle: true,
      },
    ),
  ];
  return card(
    body,
    caseActionElements(view.actions, view.caseId),
    refreshFor(view.caseId, 'staff', agentUserIds),
  );
};
