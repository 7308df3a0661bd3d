import { parseCsv, parseJson, splitList } from '../../../src/import/read-rows.js';

describe('splitList', () => {
  it('splits on semicolons, trims items and drops empty ones', () => {
    expect(splitList(' 2024.1 ;2024.2;; 2025.1 ;')).toEqual(['2024.1', '2024.2', '2025.1']);
  });
});

describe('parseCsv', () => {
  it('turns list columns into arrays and leaves empty cells out', () => {
    const csv = 'key,name,versions,modules,toolset\nerp,ERP,2024.1;2024.2,,\n';
    const { rows, issues } = parseCsv('products', csv);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { row: 1, line: 2, data: { key: 'erp', name: 'ERP', versions: ['2024.1', '2024.2'] } },
    ]);
  });

  it('reads booleans and the routing column as JSON', () => {
    const csv = [
      'key,name,routing,isDefault',
      'general,General,"[{""keywords"":[""login""]}]",yes',
    ].join('\n');
    const { rows } = parseCsv('queues', csv);
    expect(rows[0]?.data).toEqual({
      key: 'general',
      name: 'General',
      routing: [{ keywords: ['login'] }],
      isDefault: true,
    });
  });

  it('reads the assignment of a queue and the skills of an agent as JSON', () => {
    const queues = parseCsv(
      'queues',
      'key,name,assignment\nretail,Retail,"{""strategy"":""round-robin"",""capacity"":8}"\n',
    );
    expect(queues.rows[0]?.data).toMatchObject({
      assignment: { strategy: 'round-robin', capacity: 8 },
    });
    const agents = parseCsv(
      'agents',
      'email,name,skills\njun@desk.example,Jun,"{""modules"":[""Point of Sale""]}"\n',
    );
    expect(agents.rows[0]?.data).toMatchObject({ skills: { modules: ['Point of Sale'] } });
  });

  it('reports a routing cell that is not JSON with its row, line and field', () => {
    const csv = 'key,name,routing\nretail,Retail,[{products:\n';
    const { issues } = parseCsv('queues', csv);
    expect(issues).toEqual([
      expect.objectContaining({
        row: 1,
        line: 2,
        field: 'routing',
        message: expect.stringMatching(/not valid JSON/),
      }),
    ]);
  });

  it('gives the line where a record starts, across blank lines and multi-line cells', () => {
    const csv =
      'organizationKey,productKey,version,environment,accessNotes\n\na,p,1,test,"two\nlines"\nb,p,1,test,\n';
    const { rows } = parseCsv('installations', csv);
    expect(rows.map(({ row, line }) => ({ row, line }))).toEqual([
      { row: 1, line: 3 },
      { row: 2, line: 5 },
    ]);
  });

  it('names columns the kind does not know', () => {
    const { issues } = parseCsv('organizations', 'key,name,slackTeamID\nacme,Acme,T1\n');
    expect(issues).toEqual([
      expect.objectContaining({
        line: 1,
        field: 'slackTeamID',
        message: expect.stringMatching(/not a column of organizations/),
      }),
    ]);
  });

  it('refuses a column that appears twice', () => {
    const { issues } = parseCsv('organizations', 'key,name,name\nacme,Acme,Acme Corp\n');
    expect(issues).toEqual([{ line: 1, field: 'name', message: 'appears twice' }]);
  });

  it('reports a malformed file with the line csv-parse stopped at', () => {
    const { rows, issues } = parseCsv('organizations', 'key,name\nacme,Acme,extra\n');
    expect(rows).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ line: 2 })]);
  });
});

describe('parseJson', () => {
  it('numbers the elements of the array from 1', () => {
    const { rows } = parseJson('[{"key":"a"},{"key":"b"}]');
    expect(rows.map((row) => row.row)).toEqual([1, 2]);
  });

  it('refuses a document that is not an array', () => {
    expect(parseJson('{"key":"a"}').issues).toEqual([
      { message: 'must hold a JSON array of objects' },
    ]);
  });
});
