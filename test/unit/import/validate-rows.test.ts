import { parseCsv, rowsFromObjects } from '../../../src/import/read-rows.js';
import { formatPath, normalizeValue, validateRows } from '../../../src/import/validate-rows.js';

const contact = (overrides: Record<string, unknown> = {}) => ({
  email: 'anna@northwind.example',
  name: 'Anna Schmidt',
  organizationKey: 'northwind',
  ...overrides,
});

describe('validateRows', () => {
  it('accepts a valid row and normalises it', () => {
    const { valid, issues } = validateRows(
      'contacts',
      rowsFromObjects([contact({ email: ' Anna@Northwind.Example ', phone: '' })]),
    );
    expect(issues).toEqual([]);
    expect(valid[0]?.input).toEqual(contact());
  });

  it('names the row, field and reason of every problem', () => {
    const rows = rowsFromObjects([
      contact(),
      contact({ email: 'not-an-email', timeZone: 'Mars/Olympus' }),
      { name: 'No Email', organizationKey: 'northwind' },
    ]);
    const { valid, issues } = validateRows('contacts', rows);
    expect(valid).toHaveLength(1);
    expect(issues).toEqual([
      { row: 2, field: 'email', message: 'must be an email address' },
      { row: 2, field: 'timeZone', message: 'must be an IANA time zone such as Europe/Berlin' },
      { row: 3, field: 'email', message: 'is required' },
    ]);
  });

  it('gives CSV problems their file line as well as their row', () => {
    const csv = 'email,name,organizationKey\nanna@nw.example,Anna,northwind\nbad,Bert,northwind\n';
    const { issues } = validateRows('contacts', parseCsv('contacts', csv).rows);
    expect(issues).toEqual([
      { row: 2, line: 3, field: 'email', message: 'must be an email address' },
    ]);
  });

  it('names nested fields with their index', () => {
    const queue = {
      key: 'retail',
      name: 'Retail',
      routing: [{ products: ['pos'] }, { priorities: ['asap'] }],
    };
    const { issues } = validateRows('queues', rowsFromObjects([queue]));
    expect(issues).toEqual([
      expect.objectContaining({ row: 1, field: 'routing[1].priorities[0]' }),
    ]);
  });

  it('rejects fields the kind does not know', () => {
    const { issues } = validateRows(
      'organizations',
      rowsFromObjects([{ key: 'acme', name: 'Acme', slackTeam: 'T1' }]),
    );
    expect(issues).toEqual([{ row: 1, field: 'slackTeam', message: 'is not a known field' }]);
  });

  it('reports a natural key that repeats within the file, naming the first row', () => {
    const rows = rowsFromObjects([
      contact(),
      contact({ email: 'felix@northwind.example' }),
      contact({ email: 'ANNA@northwind.example', name: 'Anna again' }),
    ]);
    const { issues } = validateRows('contacts', rows);
    expect(issues).toEqual([
      {
        row: 3,
        field: 'email',
        message: 'anna@northwind.example repeats row 1; each email may appear once',
      },
    ]);
  });

  it('treats the four installation fields together as the natural key', () => {
    const installation = {
      organizationKey: 'acme',
      productKey: 'erp',
      version: '1',
      environment: 'test',
    };
    const rows = rowsFromObjects([
      installation,
      { ...installation, environment: 'production' },
      installation,
    ]);
    const { issues } = validateRows('installations', rows);
    expect(issues).toEqual([
      expect.objectContaining({
        row: 3,
        field: 'organizationKey, productKey, version, environment',
      }),
    ]);
  });

  it('checks rules that span fields', () => {
    const contract = {
      key: 'C-1',
      organizationKey: 'acme',
      level: 'gold',
      slaPolicy: 'gold',
      startsOn: '2025-01-01',
      expiresOn: '2024-12-31',
    };
    const { issues } = validateRows('contracts', rowsFromObjects([contract]));
    expect(issues).toEqual([
      { row: 1, field: 'expiresOn', message: 'must not be before startsOn' },
    ]);
  });

  it('upper-cases support keys and refuses repeated list items', () => {
    const contract = {
      key: 'C-1',
      organizationKey: 'acme',
      level: 'gold',
      slaPolicy: 'gold',
      startsOn: '2024-01-01',
      expiresOn: '2024-12-31',
      supportKeys: ['acme-1234', 'ACME-1234'],
    };
    const { issues } = validateRows('contracts', rowsFromObjects([contract]));
    expect(issues).toEqual([{ row: 1, field: 'supportKeys[1]', message: 'repeats ACME-1234' }]);
  });

  it('refuses a row that is not an object', () => {
    expect(validateRows('products', rowsFromObjects(['erp'])).issues).toEqual([
      { row: 1, message: 'must be an object' },
    ]);
  });
});

describe('normalizeValue', () => {
  it('drops empty and null properties at every depth', () => {
    expect(normalizeValue({ a: ' x ', b: '', c: null, d: [{ e: '' }] })).toEqual({
      a: 'x',
      d: [{}],
    });
  });
});

describe('formatPath', () => {
  it('joins names with dots and indexes with brackets', () => {
    expect(formatPath(['routing', 0, 'products', 2])).toBe('routing[0].products[2]');
  });
});
