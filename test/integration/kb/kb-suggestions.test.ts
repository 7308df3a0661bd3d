import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { articleDraft } from '../../support/kb-article.js';
import { composeKb } from '../../../src/kb/compose-kb.js';
import { SUGGESTION_MIN_CONFIDENCE } from '../../../src/config.js';
import { startCoreFixture, type CoreFixture } from '../../support/core-fixture.js';

const SYSTEM = { kind: 'system', name: 'kb test' } as const;

describe('KB suggestions for a case, "This solved it" and "Still need help"', () => {
  let fx: CoreFixture;
  beforeAll(async () => {
    fx = await startCoreFixture('kb_suggestions');
    for (const draft of [
      articleDraft({
        slug: 'dunning-not-sent',
        title: 'Dunning letters are not sent to customers',
        problem: 'The dunning run finishes but no reminder letters or emails reach customers.',
        solution: 'Release and send the dunning journal.',
        keywords: ['dunning', 'reminder letters'],
        docLinks: ['https://docs.example/dunning'],
      }),
      articleDraft({
        slug: 'dunning-internal',
        title: 'Dunning letters internal checklist',
        problem: 'Dunning letters not sent: what agents check.',
        visibility: 'internal',
      }),
      articleDraft({
        slug: 'pos-only-dunning',
        title: 'Dunning letters at the till',
        problem: 'Dunning letters not sent from the point of sale.',
        products: [{ product: 'pos', versions: [] }],
      }),
    ])
      expect((await fx.core.kb.useCases.saveKbArticle({ actor: SYSTEM, article: draft })).ok).toBe(
        true,
      );
    await fx.core.kb.follower.load();
  });
  afterAll(async () => fx.close());

  const open = async (title: string, description = '') => {
    const result = await fx.core.useCases.openCase({
      actor: await fx.customer(),
      title,
      description,
      productKey: 'erp',
    });
    if (!result.ok) throw new Error(result.message);
    return result.value.case;
  };

  it('suggests public articles for the case’s product, best first, at most three', async () => {
    const opened = await open(
      'Dunning letters not sent',
      'We ran the dunning run but no reminder letters reached our customers',
    );
    const suggested = await fx.core.kb.useCases.suggestKbArticles({
      ref: { caseId: opened.id },
      actor: await fx.customer(),
    });
    const slugs = suggested.ok ? suggested.value.map((hit) => hit.slug) : [];
    expect(slugs[0]).toBe('dunning-not-sent');
    expect(slugs).not.toContain('dunning-internal');
    expect(slugs).not.toContain('pos-only-dunning');
    expect(slugs.length).toBeLessThanOrEqual(3);
  });

  it('suggests nothing for a case the knowledge base cannot answer', async () => {
    const opened = await open('Please send us the renewal quote');
    const suggested = await fx.core.kb.useCases.suggestKbArticles({
      ref: { caseId: opened.id },
      actor: await fx.customer(),
    });
    expect(suggested.ok && suggested.value).toEqual([]);
  });

  it('solves the case as self-service with the article, counts helpful once', async () => {
    const opened = await open('Dunning letters not sent');
    const accept = async () =>
      fx.core.kb.useCases.acceptKbArticle({
        ref: { caseId: opened.id },
        actor: await fx.customer(),
        slug: 'dunning-not-sent',
      });
    const first = await accept();
    if (!first.ok) throw new Error(first.message);
    expect(first.value.changed).toBe(true);
    expect(first.value.case.statusCategory).toBe('solved');
    expect(first.value.case.resolution).toMatchObject({
      type: 'self-solved',
      docLink: 'https://docs.example/dunning',
    });
    expect(first.value.case.resolution?.text).toContain('dunning-not-sent');
    const again = await accept(); // a double click
    expect(again.ok && again.value.changed).toBe(false);
    expect((await fx.core.kb.articles.get('dunning-not-sent'))?.helpful).toBe(1);
  });

  it('refuses an internal article and another organization’s case', async () => {
    const opened = await open('Dunning letters not sent');
    const internal = await fx.core.kb.useCases.acceptKbArticle({
      ref: { caseId: opened.id },
      actor: await fx.customer(),
      slug: 'dunning-internal',
    });
    expect(internal.ok ? 'ok' : internal.code).toBe('not-found');
    const stranger = await fx.core.kb.useCases.acceptKbArticle({
      ref: { caseId: opened.id },
      actor: await fx.customer('dave@globex.example'),
      slug: 'dunning-not-sent',
    });
    expect(stranger.ok ? 'ok' : stranger.code).toBe('not-found');
    expect((await fx.core.cases.findById(opened.id))?.statusCategory).toBe('new');
  });

  it('counts "Still need help" once per case and article', async () => {
    const opened = await open('Dunning letters not sent');
    const decline = async () =>
      fx.core.kb.useCases.declineKbArticles({
        ref: { caseId: opened.id },
        actor: await fx.customer(),
        slugs: ['dunning-not-sent', 'pos-only-dunning'],
      });
    const before = (await fx.core.kb.articles.get('dunning-not-sent'))?.notHelpful ?? 0;
    const first = await decline();
    expect(first.ok && first.value.counted).toBe(2);
    const again = await decline();
    expect(again.ok && again.value.counted).toBe(0);
    expect((await fx.core.kb.articles.get('dunning-not-sent'))?.notHelpful).toBe(before + 1);
  });

  it('records the suggestions and look-alike cases on each new case for the agent card', async () => {
    const first = await open('Dunning letters not sent to anyone');
    const second = await open('Dunning letters not sent again');
    const stored = await fx.core.cases.findById(second.id);
    const matched = stored?.events.filter((event) => event.type === 'kb-matched') ?? [];
    expect(matched).toHaveLength(1);
    expect(matched[0]).toMatchObject({ visibility: 'internal' });
    expect(String(matched[0]!.data?.articles)).toContain('dunning-not-sent');
    expect(String(matched[0]!.data?.articles)).not.toContain('dunning-internal');
    expect(String(matched[0]!.data?.similarCases).split(' ')).toContain(first.number);
    // The caller already gets the case with its matches.
    expect(second.events.some((event) => event.type === 'kb-matched')).toBe(true);
  });

  it('records nothing for a case with no article and no look-alike', async () => {
    const opened = await open('Quarterly business review agenda for next month');
    expect(opened.events.map((event) => event.type)).not.toContain('kb-matched');
  });

  it('leaves out suggestions less confident than kb.suggestionMinScore of caseline.yaml', async () => {
    const opened = await open('Dunning letters not sent', 'No reminder letters reached customers');
    const withThreshold = async (suggestionMinScore: number) => {
      const kb = composeKb({
        connection: fx.connection,
        log: pino({ level: 'silent' }),
        clock: fx.clock,
        cases: fx.core.cases,
        newId: randomUUID,
        workflow: fx.core.config.workflow,
        settings: { ...fx.core.config.kb, suggestionMinScore },
      });
      await kb.follower.load();
      const suggested = await kb.useCases.suggestKbArticles({
        ref: { caseId: opened.id },
        actor: await fx.customer(),
      });
      return suggested.ok ? suggested.value.map((hit) => hit.slug) : [];
    };
    expect(fx.core.config.kb.suggestionMinScore).toBe(SUGGESTION_MIN_CONFIDENCE);
    expect(await withThreshold(SUGGESTION_MIN_CONFIDENCE)).toContain('dunning-not-sent');
    expect(await withThreshold(1)).toEqual([]);
  });

  it('refuses "This solved it" and "Still need help" from staff, and changes nothing', async () => {
    const opened = await open('Dunning letters not sent');
    const before = await fx.core.kb.articles.get('dunning-not-sent');
    const accepted = await fx.core.kb.useCases.acceptKbArticle({
      ref: { caseId: opened.id },
      actor: await fx.agent(),
      slug: 'dunning-not-sent',
    });
    const declined = await fx.core.kb.useCases.declineKbArticles({
      ref: { caseId: opened.id },
      actor: await fx.agent(),
      slugs: ['dunning-not-sent'],
    });
    expect([accepted, declined].map((r) => (r.ok ? 'ok' : r.code))).toEqual([
      'not-allowed',
      'not-allowed',
    ]);
    expect((await fx.core.cases.findById(opened.id))?.statusCategory).toBe('new');
    const after = await fx.core.kb.articles.get('dunning-not-sent');
    expect([after?.helpful, after?.notHelpful]).toEqual([before?.helpful, before?.notHelpful]);
  });
});
