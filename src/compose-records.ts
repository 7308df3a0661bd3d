/**
 * Reports and exports that read every case of a period through a cursor: `caseline
 * report time` and `caseline export`.
 */
import type { DirectoryRepository } from './ports/directory-repository.js';
import type { CaseModels } from './store/cases/models.js';
import { MongoCaseStream } from './store/cases/mongo-case-stream.js';
import { makeExportRecords } from './use-cases/export-records.js';
import { makeReportTime } from './use-cases/report-time.js';

export const composeRecords = (caseModels: CaseModels, directory: DirectoryRepository) => {
  const stream = new MongoCaseStream(caseModels);
  return {
    reportTime: makeReportTime({ stream, directory }),
    exportRecords: makeExportRecords({ stream, directory }),
  };
};
