import { routeCase, type RoutableQueue } from '../../../src/domain/routing.js';

const queues: RoutableQueue[] = [
  {
    key: 'finance',
    routing: [
      { products: ['erp'], modules: ['Ledger'] },
      { keywords: ['invoice', 'month-end close'] },
    ],
  },
  {
    key: 'retail',
    routing: [{ products: ['pos'] }, { organizations: ['harbor'], priorities: ['urgent'] }],
  },
  { key: 'general', routing: [], isDefault: true },
];
const base = { organizationKey: 'acme', priority: 'normal' as const, text: '' };

describe('routing', () => {
  it.each([
    ['product and module', { productKey: 'erp', module: 'ledger' }, 'finance'],
    ['product without the module', { productKey: 'erp', module: 'Payroll' }, 'general'],
    ['a keyword in the text', { text: 'The Invoice run fails' }, 'finance'],
    ['a phrase keyword', { text: 'stuck in month-end close again' }, 'finance'],
    ['a keyword inside another word does not count', { text: 'invoices are late' }, 'general'],
    [
      'organization and priority together',
      { organizationKey: 'harbor', priority: 'urgent' as const },
      'retail',
    ],
    ['organization without the priority', { organizationKey: 'harbor' }, 'general'],
    ['nothing matching', {}, 'general'],
  ])('%s', (_name, facts, queue) => {
    expect(routeCase(queues, { ...base, ...facts }).queueKey).toBe(queue);
  });

  it('says why, for the history', () => {
    expect(routeCase(queues, { ...base, productKey: 'pos' }).reason).toBe(
      'Routed to retail: products pos',
    );
  });

  it('falls back to the first queue when none is default', () => {
    expect(routeCase([{ key: 'only', routing: [] }], base).queueKey).toBe('only');
  });
});
