import { parseStatusFilter, WORKFLOW_PRESETS } from '../../../../src/domain/workflow/index.js';

const simple = WORKFLOW_PRESETS.simple;

describe('parseStatusFilter', () => {
  it('takes a status id, or its name in any case', () => {
    expect(parseStatusFilter(simple, 'on-hand')).toEqual({
      ok: true,
      value: { status: 'on-hand' },
    });
    expect(parseStatusFilter(simple, ' On Hand ')).toEqual({
      ok: true,
      value: { status: 'on-hand' },
    });
  });

  it('takes a status category as every status in it', () => {
    expect(parseStatusFilter(simple, 'OPEN')).toEqual({
      ok: true,
      value: { categories: ['open'] },
    });
  });

  it('prefers the status when a status and a category share the word', () => {
    const status = simple.statuses.find((s) => s.category === 'new')!;
    const clash = { ...simple, statuses: [{ ...status, id: 'open' }, ...simple.statuses] };
    expect(parseStatusFilter(clash, 'open')).toEqual({ ok: true, value: { status: 'open' } });
  });

  it('refuses an unknown word and lists the statuses and categories of this workflow', () => {
    const result = parseStatusFilter(simple, 'bogus');
    expect(result).toMatchObject({ ok: false, code: 'invalid-input' });
    const message = result.ok ? '' : result.message;
    expect(message).toContain('There is no status “bogus”.');
    for (const s of simple.statuses) expect(message).toContain(s.id);
    expect(message).toContain('or a category: ');
    // Only categories the workflow has statuses in: a category with none matches nothing.
    const used = new Set(simple.statuses.map((s) => s.category));
    const listed = message.slice(message.indexOf('category: ') + 10, -1).split(', ');
    expect(new Set(listed)).toEqual(used);
  });
});
