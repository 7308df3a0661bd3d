import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { analyze } from '../../../src/kb/analyze.js';
import { composeKb } from '../../../src/kb/compose-kb.js';
import { MongoKbEvidenceStore } from '../../../src/store/kb/mongo-kb-evidence-store.js';
import type { KbEvidenceStore } from '../../../src/ports/kb-evidence-store.js';
import { makeAcceptKbArticle } from '../../../src/use-cases/accept-kb-article.js';
import { makeRecordKbEvidence } from '../../../src/use-cases/shared/record-kb-evidence.js';
import { articleDraft } from '../../support/kb-article.js';
import { startCoreFixture, type CoreFixture } from '../../support/core-fixture.js';

const SYSTEM = { kind: 'system', name: 'kb test' } as const;
const SLUG = 'dunning-not-sent';
const term = (word: string) => analyze(word)[0] ?? word;

describe('learning from use: presses, citing resolves and saves remember the customer’s words', () => {
  let fx: CoreFixture;
  let replica: CoreFixture;
  beforeAll(async () => {
    fx = await startCoreFixture('kb_learning');
    replica = await startCoreFixture('kb_learning', { shareDatabaseOf: fx });
    const saved = await fx.core.kb.useCases.saveKbArticle({
      actor: SYSTEM,
      article: articleDraft({
        slug: SLUG,
        title: 'Dunning letters are not sent to customers',
        problem: 'The dunning run finishes but no reminder letters reach customers.',
        solution: 'Release and send the dunning journal.',
      }),
    });
    expect(saved.ok).toBe(true);
    await fx.core.kb.follower.load();
    await replica.core.kb.follower.load();
  });
  afterAll(async () => {
    await replica.close();
    await fx.close();
  });

  const open = async (title: string, description: string) => {
    const result = await fx.core.useCases.openCase({
      actor: await fx.customer(),
      title,
      description,
      productKey: 'erp',
    });
    if (!result.ok) throw new Error(result.message);
    return result.value.case;
  };
  const evidenceOf = async (caseId: string) =>
    (await fx.core.kb.evidence.changedSince(new Date(0))).filter((r) => r.key.startsWith(caseId));

  it('"This solved it" stores the words once, however often it is pressed', async () => {
    const opened = await open('Dunning letters not sent', 'No pallet reminders reached anyone');
    const accept = async () =>
      fx.core.kb.useCases.acceptKbArticle({
        ref: { caseId: opened.id },
        actor: await fx.customer(),
        slug: SLUG,
      });
    expect((await accept()).ok).toBe(true);
    expect((await accept()).ok).toBe(true);
    const stored = await evidenceOf(opened.id);
    expect(stored).toEqual([
      expect.objectContaining({
        key: `${opened.id}|${SLUG}|solved`,
        kind: 'solved',
        text: 'Dunning letters not sent\nNo pallet reminders reached anyone',
      }),
    ]);
    // This replica learned it at once; another follows it on its poll.
    expect(fx.core.kb.follower.learned.postings(term('pallet'))?.get(SLUG)).toBeGreaterThan(0);
    expect(await replica.core.kb.follower.pollEvidence()).toBeGreaterThan(0);
    expect(replica.core.kb.follower.learned.postings(term('pallet'))?.get(SLUG)).toBeGreaterThan(0);
    expect(await replica.core.kb.follower.pollEvidence()).toBe(0);
  });

  it('"Still need help" counts against each article, once per case', async () => {
    const opened = await open('Dunning broken', 'The gizmo reminders are gone');
    const decline = async () =>
      fx.core.kb.useCases.declineKbArticles({
        ref: { caseId: opened.id },
        actor: await fx.customer(),
        slugs: [SLUG],
      });
    await decline();
    await decline();
    expect((await evidenceOf(opened.id)).map((r) => r.kind)).toEqual(['declined']);
    expect(fx.core.kb.follower.learned.postings(term('gizmo'))?.get(SLUG)).toBeLessThan(0);
  });

  it('an agent resolving citing an article records it, and the case keeps the citation', async () => {
    const opened = await open('Reminder run silent', 'Our widget letters never left');
    const resolved = await fx.core.useCases.resolveCase({
      ref: { caseId: opened.id },
      actor: await fx.agent(),
      resolution: { type: 'fixed', text: 'Released the dunning journal.', article: SLUG },
    });
    if (!resolved.ok) throw new Error(resolved.message);
    expect((await fx.core.cases.findById(opened.id))?.resolution?.article).toBe(SLUG);
    expect((await evidenceOf(opened.id)).map((r) => r.kind)).toEqual(['cited']);
  });

  it('keeps no evidence for an article that does not exist (a mistyped citation)', async () => {
    const opened = await open('Reminder run silent', 'Letters never left');
    const resolved = await fx.core.useCases.resolveCase({
      ref: { caseId: opened.id },
      actor: await fx.agent(),
      resolution: { type: 'fixed', text: 'Released the journal.', article: 'no-such-article' },
    });
    expect(resolved.ok).toBe(true);
    expect(await evidenceOf(opened.id)).toEqual([]);
  });

  it('an article saved from a case learns that case’s words', async () => {
    const opened = await open('Statement export empty', 'The quokka statement file has no rows');
    const resolved = await fx.core.useCases.resolveCase({
      ref: { caseId: opened.id },
      actor: await fx.agent(),
      resolution: { type: 'fixed', text: 'Pick the statement period first.' },
    });
    expect(resolved.ok).toBe(true);
    const draft = await fx.core.kb.useCases.draftArticleFromCase({
      ref: { caseId: opened.id },
      actor: await fx.agent(),
    });
    if (!draft.ok) throw new Error(draft.message);
    const saved = await fx.core.kb.useCases.saveKbArticle({
      actor: await fx.agent(),
      article: { ...draft.value, status: 'published' },
    });
    expect(saved.ok).toBe(true);
    expect(await evidenceOf(opened.id)).toEqual([
      expect.objectContaining({ slug: draft.value.slug, kind: 'saved' }),
    ]);
  });

  it('a press still solves the case when the evidence cannot be written; a retry records it', async () => {
    const failures: string[] = [];
    const real = new MongoKbEvidenceStore(fx.connection);
    let down = true;
    const flaky: KbEvidenceStore = {
      record: async (record) => {
        if (down) throw new Error('database gone');
        return real.record(record);
      },
      recent: (perArticle, since) => real.recent(perArticle, since),
      changedSince: (since) => real.changedSince(since),
      revision: () => real.revision(),
    };
    const accept = makeAcceptKbArticle({
      cases: fx.core.cases,
      clock: fx.clock,
      newId: fx.core.newId,
      workflow: fx.core.config.workflow,
      articles: fx.core.kb.articles,
      recordEvidence: makeRecordKbEvidence({
        evidence: flaky,
        clock: fx.clock,
        onFailed: (_error, record) => failures.push(record.key),
      }),
    });
    const opened = await open('Dunning letters not sent', 'Nothing went out');
    const press = async () =>
      accept({ ref: { caseId: opened.id }, actor: await fx.customer(), slug: SLUG });
    const result = await press();
    expect(result.ok && result.value.case.statusCategory).toBe('solved');
    expect(failures).toEqual([`${opened.id}|${SLUG}|solved`]);
    expect(await evidenceOf(opened.id)).toEqual([]);
    down = false;
    expect((await press()).ok).toBe(true);
    expect((await evidenceOf(opened.id)).map((r) => r.kind)).toEqual(['solved']);
  });

  it('a replica starting later loads what the others learned', async () => {
    const late = composeKb({
      connection: fx.connection,
      log: pino({ level: 'silent' }),
      clock: fx.clock,
      cases: fx.core.cases,
      newId: randomUUID,
      workflow: fx.core.config.workflow,
      settings: fx.core.config.kb,
    });
    await late.follower.load();
    const stored = await fx.core.kb.evidence.changedSince(new Date(0));
    expect(late.follower.learned.size).toBe(stored.length);
    // Two presses (one after a failed write) and a citation said the article answered.
    expect(late.follower.learned.solved(SLUG)).toBe(3);
  });
});
