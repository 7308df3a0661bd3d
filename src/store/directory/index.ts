export {
  createDirectoryModels,
  ensureDirectoryIndexes,
  type DirectoryModels,
  type DirectoryRecords,
} from './models.js';
export { createMongoDirectoryRepository } from './mongo-directory-repository.js';
export { upsertByNaturalKey, type UpsertOptions } from './upsert.js';
