/** The directory import, as the CLI uses it. */
export {
  importDirectory,
  type ImportDestination,
  type ImportDirectoryOptions,
  type ImportSource,
} from './import-directory.js';
export {
  formatImportReport,
  type ImportFailure,
  type ImportFormat,
  type ImportIssue,
  type ImportReport,
  type ImportSuccess,
} from './report.js';
export { createMongoImportTarget, type ImportTarget } from './target.js';
export { DIRECTORY_KINDS, isDirectoryKind, type DirectoryKind } from '../domain/directory.js';
