/**
 * The agent card actions Teams offers since the cards are drawn from one view: Create task
 * and Save as KB article, through the use cases Slack's modals call. Bot Framework
 * activities over HTTP; what was stored is read back.
 */
import { VERBS } from '../../adapters/teams/render/card.js';
import { KB_ARTICLE_INPUTS } from '../../adapters/teams/render/kb-article-card.js';
import { articleDraft } from '../support/kb-article.js';
import { cardAction } from '../support/teams/activities.js';
import { DESK_CHANNEL, TEAMS_AGENT, useTeamsE2E, verbsIn } from '../support/teams/e2e.js';

const e2e = useTeamsE2E();
const desk = { id: DESK_CHANNEL, conversationType: 'channel' as const };

const press = (caseId: string, verb: string, data: Record<string, string> = {}) =>
  e2e.post(
    cardAction(e2e.connector.url, {
      from: TEAMS_AGENT,
      conversation: desk,
      verb,
      data: { caseId, ...data },
    }),
  );

const textOf = (card: unknown) => JSON.stringify(card).replace(/\\\\(.)/g, '$1');

describe('Teams: agent card actions shared with Slack', () => {
  it('creates a task from the card', async () => {
    const opened = await e2e.openCase('Receipt printer in store 9 jams on every second slip');
    expect(verbsIn(opened.agentCard.body)).toContain(VERBS.createTask);
    const pressed = await press(opened.case.id, VERBS.createTask, {
      taskTitle: 'Send a replacement printer',
      handover: 'Field service',
    });
    expect(pressed.status).toBe(200);
    const stored = await e2e.app.core.cases.findById(opened.case.id);
    expect(stored?.tasks).toEqual([
      expect.objectContaining({ title: 'Send a replacement printer', handover: 'Field service' }),
    ]);
    expect(textOf(pressed.body!.value)).toContain('1 open task');
  });

  it('saves a solved case as a KB article from a form prefilled from the case', async () => {
    const opened = await e2e.openCase('Loyalty points are not added after a refund');
    const resolved = await press(opened.case.id, VERBS.resolve, {
      resolutionType: 'fixed',
      resolutionText: 'Re-ran the loyalty sync after the refund.',
    });
    expect(verbsIn(resolved.body!.value)).toContain(VERBS.saveKbArticle);

    const form = await press(opened.case.id, VERBS.saveKbArticle);
    const formText = textOf(form.body!.value);
    expect(formText).toContain('Save as KB article');
    expect(formText).toContain('Re-ran the loyalty sync after the refund.');
    expect(verbsIn(form.body!.value)).toContain(VERBS.saveKbArticleSave);

    const i = KB_ARTICLE_INPUTS;
    const saved = await press(opened.case.id, VERBS.saveKbArticleSave, {
      [i.title]: 'Loyalty points missing after a refund',
      [i.problem]: 'Points are not added back after a refund.',
      [i.solution]: 'Run the loyalty sync once the refund is booked.',
      [i.keywords]: 'loyalty, refund',
      [i.visibility]: 'public',
      [i.status]: 'published',
    });
    expect(textOf(saved.body!.value)).toMatch(/KB article \S+ created as published \(public\)/);
    const found = await e2e.app.core.kb.useCases.searchKb({
      actor: { kind: 'system', name: 'test' },
      query: 'loyalty refund',
      limit: 3,
    });
    expect(found.ok && found.value.map((hit) => hit.slug)).toEqual(
      expect.arrayContaining([expect.stringContaining('loyalty-points')]),
    );
  });

  it('resolves citing an article the case was offered, and the knowledge base learns from it', async () => {
    const saved = await e2e.app.core.kb.useCases.saveKbArticle({
      actor: { kind: 'system', name: 'test' },
      article: articleDraft({
        slug: 'gift-card-balance-zero',
        title: 'Gift card balance shows zero after top-up',
        problem: 'A gift card topped up at the till still shows a zero balance.',
        solution: 'Sync the gift card ledger from the back office.',
      }),
    });
    expect(saved.ok).toBe(true);
    const opened = await e2e.openCase('Gift card balance shows zero after the top-up at our till');
    const card = JSON.stringify(opened.agentCard.body);
    expect(card).toContain('"id":"article"');
    expect(card).toContain('"value":"gift-card-balance-zero"');
    const resolve = () =>
      press(opened.case.id, VERBS.resolve, {
        resolutionType: 'fixed',
        resolutionText: 'Synced the gift card ledger.',
        article: 'gift-card-balance-zero',
      });
    expect((await resolve()).status).toBe(200);
    await resolve(); // a double press
    const stored = await e2e.app.core.cases.findById(opened.case.id);
    expect(stored?.resolution).toMatchObject({ article: 'gift-card-balance-zero' });
    const evidence = (await e2e.app.core.kb.evidence.changedSince(new Date(0))).filter((r) =>
      r.key.startsWith(`${opened.case.id}|`),
    );
    expect(evidence.map((r) => [r.slug, r.kind])).toEqual([['gift-card-balance-zero', 'cited']]);
  });
});
