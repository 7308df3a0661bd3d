import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { DIRECTORY_KINDS } from '../domain/directory.js';
import { formatImportReport, importDirectory, type ImportReport } from '../import/index.js';

/** Imports `examples/<kind>.csv|json` in dependency order; stops at the first failure. */
export const importExamples = async (
  connection: Connection,
  dir: string,
  say: (line: string) => void,
): Promise<ImportReport[]> => {
  const reports: ImportReport[] = [];
  for (const kind of DIRECTORY_KINDS) {
    const file = ['csv', 'json']
      .map((ext) => join(dir, `${kind}.${ext}`))
      .find((path) => existsSync(path));
    if (!file) continue;
    const report = await importDirectory({ kind, filePath: file, connection });
    say(formatImportReport(report));
    reports.push(report);
    if (!report.ok) break;
  }
  return reports;
};
