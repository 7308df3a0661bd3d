import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { resolve } from 'node:path';
import {
  DIRECTORY_KINDS,
  formatImportReport,
  importDirectory,
  isDirectoryKind,
} from '../import/index.js';
import { withCore } from './with-core.js';

// Below this a bar only flickers; above it an admin wants to see progress.
const PROGRESS_THRESHOLD = 200;

export const registerImportCommand = (program: Command): void => {
  program
    .command('import')
    .description(`import master data; kinds in order: ${DIRECTORY_KINDS.join(', ')}`)
    .argument('<kind>', DIRECTORY_KINDS.join(' | '))
    .argument(
      '<file>',
      'a .csv (header row; lists separated by ;) or .json (array of objects) file',
    )
    .action(async (kind: string, file: string) => {
      if (!isDirectoryKind(kind)) {
        process.stderr.write(`Unknown kind "${kind}". Use one of: ${DIRECTORY_KINDS.join(', ')}\n`);
        process.exit(2);
      }
      const report = await withCore(async (core) => {
        let bar: SingleBar | undefined;
        const result = await importDirectory({
          kind,
          filePath: resolve(file),
          connection: core.connection,
          onProgress: (done, total) => {
            if (total < PROGRESS_THRESHOLD || !process.stderr.isTTY) return;
            bar ??= new SingleBar(
              { stream: process.stderr, clearOnComplete: false },
              Presets.shades_classic,
            );
            if (done === 0) bar.start(total, 0);
            else bar.update(done);
          },
        });
        bar?.stop();
        return result;
      });
      process.stdout.write(`${formatImportReport(report)}\n`);
      if (!report.ok) process.exitCode = 1;
    });
};
