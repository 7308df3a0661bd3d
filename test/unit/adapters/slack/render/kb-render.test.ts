import type { ActionsBlock } from '@slack/types';
import { renderAgentCard } from '../../../../../adapters/slack/render/agent-card.js';
import {
  blockKitViolations,
  modalViolations,
} from '../../../../../adapters/slack/render/check-limits.js';
import {
  parseSuggestionValue,
  renderKbAnswers,
  renderSuggestions,
  saveArticleModal,
} from '../../../../../adapters/slack/render/kb.js';
import { ACTIONS } from '../../../../../adapters/slack/registry.js';
import type { CaseState } from '../../../../../src/domain/case/types.js';
import type { Article } from '../../../../../src/domain/kb/article.js';
import { buildCase } from '../../../../support/build-case.js';
import { kbAnswerHeading } from '../../../../../src/presentation/kb-answers.js';
import { agentView } from '../../../presentation/card-fixtures.js';

const card = (overrides: Partial<CaseState>) => renderAgentCard(agentView(buildCase(overrides)));

const actionIds = (blocks: readonly unknown[]): string[] =>
  blocks
    .filter((b): b is ActionsBlock => (b as ActionsBlock).type === 'actions')
    .flatMap((b) => b.elements.map((e) => (e as { action_id?: string }).action_id ?? ''));

const ARTICLE: Article = {
  slug: 'long-one',
  title: 'A <b>title</b> & more',
  problem: 'p',
  solution: 'x'.repeat(5_000),
  keywords: [],
  products: [],
  docLinks: ['https://docs.example/a'],
  visibility: 'public',
  status: 'published',
  helpful: 0,
  notHelpful: 0,
  updatedAt: new Date('2026-11-23T09:00:00Z'),
};

describe('Slack knowledge-base rendering', () => {
  it('offers Save as KB article on a solved case with a resolution, not before', () => {
    const solved = card({
      status: 'solved',
      statusCategory: 'solved',
      resolution: { type: 'fixed', text: 'Fixed it.' },
    });
    expect(actionIds(solved.blocks)).toContain(ACTIONS.saveKbArticle);
    expect(actionIds(card({}).blocks)).not.toContain(ACTIONS.saveKbArticle);
  });

  it('escapes article text and stays within Block Kit limits', () => {
    const answer = renderKbAnswers({
      heading: kbAnswerHeading('<script>', 1),
      articles: [ARTICLE],
    });
    const text = JSON.stringify(answer.blocks);
    expect(text).toContain('&lt;b&gt;title&lt;/b&gt; &amp; more');
    expect(text).not.toContain('<script>');
    expect(blockKitViolations('message', answer.blocks)).toEqual([]);
  });

  it('says when nothing matched', () => {
    const none = renderKbAnswers({
      heading: kbAnswerHeading('zzz', 0),
      articles: [],
      none: 'Try other words, or open a case with',
    });
    expect(none.text).toMatch(/no articles/);
    expect(JSON.stringify(none.blocks)).toContain('open a case with */support new*');
  });

  it('prefills the modal within Slack’s limits', () => {
    const view = saveArticleModal('case-1', { ...ARTICLE, sourceCase: 'CASE-1' }, 'C1');
    expect(modalViolations(view)).toEqual([]);
    // A solution longer than a text input allows is cut, not rejected by Slack.
    expect(JSON.stringify(view)).not.toContain('x'.repeat(3_001));
    expect(JSON.parse(view.private_metadata ?? '{}')).toEqual({ caseId: 'case-1', channel: 'C1' });
  });

  it('offers each suggestion with This solved it and one Still need help, within limits', () => {
    const message = renderSuggestions('case-1', 'CASE-1', [ARTICLE, { ...ARTICLE, slug: 'other' }]);
    expect(blockKitViolations('message', message.blocks)).toEqual([]);
    expect(actionIds(message.blocks)).toEqual([
      ACTIONS.kbSolved,
      ACTIONS.kbSolved,
      ACTIONS.kbNeedHelp,
    ]);
    const values = message.blocks
      .filter((b): b is ActionsBlock => b.type === 'actions')
      .map((b) => parseSuggestionValue((b.elements[0] as { value?: string }).value));
    expect(values).toEqual([
      { caseId: 'case-1', slugs: ['long-one'] },
      { caseId: 'case-1', slugs: ['other'] },
      { caseId: 'case-1', slugs: ['long-one', 'other'] },
    ]);
    expect(parseSuggestionValue('garbage')).toBeUndefined();
  });

  it('shows on the agent card what the knowledge base found at intake, escaped', () => {
    const withMatches = card({
      events: [
        {
          id: 'e1',
          type: 'kb-matched',
          at: new Date('2026-11-23T09:00:00Z'),
          actor: { kind: 'system', id: 'kb', role: 'system', name: 'Knowledge base' },
          visibility: 'internal',
          data: {
            articles: 'sepa-rejected',
            articleTitles: 'Bank <rejects> SEPA',
            similarCases: 'CASE-1040 CASE-1041 CASE-1042',
            articleReasons: JSON.stringify([{ matched: ['SEPA', '<file>'], solvedSimilar: 7 }]),
          },
        },
      ],
    });
    const text = JSON.stringify(withMatches.blocks);
    expect(text).toContain('Suggested to the customer: *Bank &lt;rejects&gt; SEPA*');
    expect(text).toContain('Looks like CASE-1040 and 2 others');
    expect(text).toContain(
      '“Bank &lt;rejects&gt; SEPA”: matched: SEPA, &lt;file&gt;; solved 7 similar questions',
    );
    expect(JSON.stringify(card({}).blocks)).not.toContain('Suggested to the customer');
    expect(JSON.stringify(card({}).blocks)).not.toContain('matched:');
  });
});
