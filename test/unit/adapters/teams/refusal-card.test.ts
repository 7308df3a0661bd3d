import { renderAgentCard } from '../../../../adapters/teams/render/agent-card.js';
import { refusalNotice, withRefusal } from '../../../../adapters/teams/render/refusal.js';
import type { RefusalExplanation } from '../../../../src/domain/case/refusal.js';
import { agentView, STATES } from '../../presentation/card-fixtures.js';

const explained = (over: Partial<RefusalExplanation> = {}): RefusalExplanation => ({
  formCanFix: false,
  happened: 'Jun Park resolved CASE-1001 a moment ago.',
  notDone: 'Your resolution was not saved, and nothing was sent to the customer.',
  keptText: 'Cleared the *till* cache.',
  offerNote: true,
  ...over,
});

const agentCard = () => renderAgentCard(agentView(STATES.solved));

const inputs = (node: unknown): Record<string, unknown>[] => {
  if (Array.isArray(node)) return node.flatMap(inputs);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = String(record.type ?? '').startsWith('Input.') ? [record] : [];
  return [...own, ...Object.values(record).flatMap(inputs)];
};

describe('a refused card action in Teams', () => {
  it('puts the notice and the kept text on top of the card, input ids still unique', () => {
    const explanation = explained();
    const card = withRefusal(agentCard(), refusalNotice(explanation), explanation, 'case-1');
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', color: 'Warning' });
    expect(String(card.body[0]?.text)).toContain('Jun Park resolved CASE\\-1001 a moment ago\\.');
    const ids = inputs(card).map((input) => input.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(inputs(card).find((i) => i.id === 'keptText')).toMatchObject({
      value: 'Cleared the *till* cache.',
    });
    expect(JSON.stringify(card)).toContain('"verb":"keptNote"');
  });

  it('shows the text to copy, without a note button, when no note is on offer', () => {
    const explanation = explained({ offerNote: false });
    const card = withRefusal(agentCard(), refusalNotice(explanation), explanation, 'case-1');
    expect(JSON.stringify(card)).not.toContain('keptNote');
    expect(JSON.stringify(card)).toContain('Cleared the \\\\*till\\\\* cache\\\\.');
  });

  it('still answers with the notice and the text when there is no case card to show', () => {
    const explanation = explained({ offerNote: false });
    const card = withRefusal(undefined, refusalNotice(explanation), explanation, 'case-1');
    expect(card.body).toHaveLength(2);
    expect(card.type).toBe('AdaptiveCard');
  });
});
