import type { Installation, Product } from '../../../src/domain/directory.js';
import { makeIntakeForm, type IntakeField } from '../../../src/presentation/intake-form.js';
import { contactOnBehalf, openCaseFields } from '../../../src/presentation/intake-submission.js';
import { ANA, CAROL } from '../../support/build-case.js';

const installation = (id: string, productKey: string, version: string): Installation => ({
  id,
  organizationId: 'org-acme',
  organizationKey: 'acme',
  productId: `product-${productKey}`,
  productKey,
  version,
  environment: 'production',
});

const PRODUCTS: Readonly<Record<string, Partial<Product>>> = {
  ledgerly: { modules: ['Invoices', 'Exports'] },
  tillpoint: { modules: ['Receipts', 'Exports'] },
};

const asked: string[] = [];
const form = makeIntakeForm({
  listInstallations: async (organizationId) => {
    asked.push(organizationId);
    return [installation('i-1', 'ledgerly', '4.2'), installation('i-2', 'tillpoint', '8.0')];
  },
  findProductByKey: async (key) => PRODUCTS[key] as Product | undefined,
  priorities: {
    labels: { urgent: 'P1 Urgent', high: 'P2 High', normal: 'P3 Normal', low: 'P4 Low' },
    default: 'normal',
  },
});

const byId = (fields: readonly IntakeField[], id: IntakeField['id']) =>
  fields.find((f) => f.id === id);

describe('the intake form', () => {
  it('offers a customer their own installations, their products’ modules and the priorities', async () => {
    const view = await form(CAROL);
    expect(asked).toContain('org-acme');
    expect(view?.heading).toBe('Open a support case');
    expect(view?.fields.map((f) => f.id)).toEqual([
      'installationId',
      'module',
      'title',
      'description',
      'impact',
      'expectation',
      'priority',
      'files',
    ]);
    expect(byId(view!.fields, 'installationId')).toMatchObject({
      kind: 'choice',
      options: [
        { value: 'i-1', label: 'ledgerly 4.2 (production)' },
        { value: 'i-2', label: 'tillpoint 8.0 (production)' },
      ],
    });
    expect(byId(view!.fields, 'module')).toMatchObject({
      options: ['Exports', 'Invoices', 'Receipts'].map((m) => ({ value: m, label: m })),
    });
    expect(byId(view!.fields, 'priority')).toMatchObject({
      value: 'normal',
      options: [
        { value: 'urgent', label: 'P1 Urgent' },
        { value: 'high', label: 'P2 High' },
        { value: 'normal', label: 'P3 Normal' },
        { value: 'low', label: 'P4 Low' },
      ],
    });
    expect(byId(view!.fields, 'title')).toMatchObject({ required: true, max: 200 });
  });

  it('asks an agent whom the case is for and how they reached us, first', async () => {
    const view = await form(ANA, {
      email: 'liam@harborfoods.example',
      problem: 'No such contact.',
    });
    expect(view).toMatchObject({ heading: 'Open a case for a customer', onBehalf: true });
    expect(view?.problem).toBe('No such contact.');
    expect(view?.fields.slice(0, 2)).toMatchObject([
      { id: 'contactEmail', kind: 'email', value: 'liam@harborfoods.example', required: true },
      { id: 'reachedBy', kind: 'choice', value: 'phone' },
    ]);
    // The customer is not known yet, so neither are their installations.
    expect(byId(view!.fields, 'installationId')).toBeUndefined();
  });

  it('has no form for the system', async () => {
    expect(await form({ kind: 'system', name: 'importer' })).toBeUndefined();
  });
});

describe('a submitted intake form', () => {
  it('becomes openCase’s fields, empty answers left out and files named', () => {
    expect(
      openCaseFields(
        {
          title: 'Exports fail',
          description: 'Since 4.2',
          impact: '  ',
          priority: 'high',
          installationId: 'i-1',
        },
        ['F1', 'F2'],
      ),
    ).toEqual({
      title: 'Exports fail',
      description: 'Since 4.2\n\nFiles: F1, F2',
      impact: undefined,
      expectation: undefined,
      priority: 'high',
      installationId: 'i-1',
      module: undefined,
    });
  });

  it('finds the contact an agent names, or says what is missing', async () => {
    const find = async (email: string) =>
      email === 'liam@harborfoods.example' ? { id: 'contact-liam' } : undefined;
    expect(
      await contactOnBehalf(find, { contactEmail: 'liam@harborfoods.example', reachedBy: 'email' }),
    ).toEqual({ contactId: 'contact-liam', reachedBy: 'email' });
    expect(await contactOnBehalf(find, { contactEmail: 'nobody@x.example' })).toEqual({
      error: 'No contact nobody@x.example; an admin can import them.',
    });
    expect(await contactOnBehalf(find, {})).toEqual({ error: "Enter the customer's email." });
  });
});
