/**
 * Agents' working hours imported from a CSV (a JSON cell) and read back from the directory
 * as written, in both shapes; a second import of the same file changes nothing.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type mongoose from 'mongoose';
import { importDirectory } from '../../../src/import/index.js';
import {
  createDirectoryModels,
  createMongoDirectoryRepository,
} from '../../../src/store/directory/index.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';

const CSV = [
  'email,name,roles,workingHours',
  'ana@desk.example,Ana,agent,"{""calendar"":""berlin-office""}"',
  'bo@desk.example,Bo,agent,"{""timeZone"":""America/New_York"",""days"":[""sun"",""mon""],""from"":""22:00"",""to"":""06:00""}"',
  'cy@desk.example,Cy,agent,',
].join('\n');

let connection: mongoose.Connection;
beforeAll(async () => {
  connection = await connectTestDatabase('working_hours');
});
afterAll(() => closeTestDatabase(connection));

it('keeps working hours as imported, and a repeat import leaves them unchanged', async () => {
  const file = join(await mkdtemp(join(tmpdir(), 'caseline-hours-')), 'agents.csv');
  await writeFile(file, CSV);
  expect(await importDirectory({ kind: 'agents', filePath: file, connection })).toMatchObject({
    ok: true,
  });
  const directory = createMongoDirectoryRepository(createDirectoryModels(connection));
  const hours = async (email: string) => (await directory.findAgentByEmail(email))?.workingHours;
  expect(await hours('ana@desk.example')).toEqual({ calendar: 'berlin-office' });
  expect(await hours('bo@desk.example')).toEqual({
    timeZone: 'America/New_York',
    days: ['sun', 'mon'],
    from: '22:00',
    to: '06:00',
  });
  expect(await hours('cy@desk.example')).toBeUndefined();
  const again = await importDirectory({ kind: 'agents', filePath: file, connection });
  expect(again).toMatchObject({ ok: true });
  expect(JSON.stringify(again)).toMatch(/"unchanged":3/);
});
