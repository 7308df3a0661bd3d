/**
 * `report sla` on the real database with a hand-moved clock: promises kept, broken (met
 * late or still owed), running and at risk, by priority and organization; cases the
 * customer solved with an article counted as deflections.
 */
import { articleDraft } from '../../support/kb-article.js';
import { startCoreFixture, type CoreFixture } from '../../support/core-fixture.js';

const SLA = {
  calendars: [{ name: 'always', timeZone: 'UTC', hours: '24/7' }],
  policies: [
    {
      name: 'standard',
      calendar: 'always',
      targets: {
        high: { firstResponse: '1h', resolution: '8h' },
        normal: { firstResponse: '4h', resolution: '40h' },
      },
    },
  ],
  defaultPolicy: 'standard',
};

const HOUR = 60 * 60 * 1000;

describe('SLA compliance report (real database, manual clock)', () => {
  let fx: CoreFixture;
  beforeAll(async () => {
    fx = await startCoreFixture('sla_compliance', { sla: SLA });
  });
  afterAll(() => fx.close());

  const open = async (email: string, title: string, priority: string) => {
    const result = await fx.core.useCases.openCase({
      actor: await fx.customer(email),
      title,
      priority,
    });
    if (!result.ok) throw new Error(result.message);
    return result.value.case;
  };
  const reply = async (caseId: string) => {
    const result = await fx.core.useCases.replyToCustomer({
      ref: { caseId },
      actor: await fx.agent(),
      text: 'We reproduced it and are fixing the export rule.',
    });
    if (!result.ok) throw new Error(result.message);
  };

  it('counts each first response as kept, broken or running, with the compliance rate', async () => {
    const kept = await open('carol@acme.example', 'Export rule drops cost centre', 'normal');
    const late = await open('dave@globex.example', 'Payment run stuck', 'high');
    fx.clock.advance(30 * 60_000);
    await reply(kept.id); // 30 min into a 4 h target
    fx.clock.advance(60 * 60_000);
    await reply(late.id); // 90 min into a 1 h target
    const owed = await open('carol@acme.example', 'Invoices missing VAT line', 'high');
    const running = await open('dave@globex.example', 'Dashboard slow', 'normal');
    fx.clock.advance(3.5 * HOUR); // owed: 3.5 h into 1 h; running: 3.5 h into 4 h (past 75 %)

    const report = await fx.core.sla!.reportCompliance({ actor: await fx.agent(), days: 7 });
    if (!report.ok) throw new Error(report.message);
    const value = report.value;
    expect(value.cases).toBe(4);
    expect(value.clocks.firstResponse).toEqual({
      met: 1,
      breached: 2,
      running: 1,
      paused: 0,
      deflected: 0,
      compliance: 1 / 3,
    });
    expect(
      value.byPriority.map((g) => [
        g.name,
        g.clocks.firstResponse.met,
        g.clocks.firstResponse.breached,
      ]),
    ).toEqual([
      ['high', 0, 2],
      ['normal', 1, 0],
    ]);
    expect(value.byOrganization.map((g) => g.name)).toEqual(['Acme Corp', 'Globex']);
    expect(value.overdue).toEqual([
      { caseNumber: owed.number, clock: 'firstResponse', byMinutes: 150 },
    ]);
    expect(value.atRisk.map((r) => [r.caseNumber, r.clock])).toEqual([
      [running.number, 'firstResponse'],
    ]);
  });

  it('counts "This solved it" before any answer as a deflection, not a kept first response', async () => {
    const before = await fx.core.sla!.reportCompliance({ actor: await fx.agent(), days: 7 });
    if (!before.ok) throw new Error(before.message);
    const saved = await fx.core.kb.useCases.saveKbArticle({
      actor: { kind: 'system', name: 'kb test' },
      article: articleDraft({ slug: 'export-rule', title: 'Export rule drops a column' }),
    });
    expect(saved.ok).toBe(true);
    const selfSolve = async (caseId: string) => {
      const result = await fx.core.kb.useCases.acceptKbArticle({
        ref: { caseId },
        actor: await fx.customer('carol@acme.example'),
        slug: 'export-rule',
      });
      if (!result.ok || !result.value.changed) throw new Error('not self-solved');
    };
    const deflected = await open('carol@acme.example', 'Export drops a column', 'normal');
    const answered = await open('carol@acme.example', 'Export drops another column', 'normal');
    fx.clock.advance(5 * 60_000);
    await reply(answered.id); // the desk answered first: a kept first response
    fx.clock.advance(5 * 60_000);
    await selfSolve(deflected.id);
    await selfSolve(answered.id);

    const report = await fx.core.sla!.reportCompliance({ actor: await fx.agent(), days: 7 });
    if (!report.ok) throw new Error(report.message);
    const was = before.value.clocks;
    expect(report.value.deflections).toBe(before.value.deflections + 1);
    expect(report.value.clocks.firstResponse).toMatchObject({
      met: was.firstResponse.met + 1,
      breached: was.firstResponse.breached,
      deflected: was.firstResponse.deflected + 1,
    });
    expect(report.value.clocks.resolution).toMatchObject({
      met: was.resolution.met + 1,
      deflected: was.resolution.deflected + 1,
    });
  });

  it('refuses customers', async () => {
    const report = await fx.core.sla!.reportCompliance({ actor: await fx.customer(), days: 7 });
    expect(report.ok ? 'ok' : report.code).toBe('not-allowed');
  });

  it('refuses a period that is not a whole number of days from 1 to 365', async () => {
    const report = await fx.core.sla!.reportCompliance({ actor: await fx.agent(), days: 0 });
    expect(report.ok ? 'ok' : report.code).toBe('invalid-input');
  });
});
