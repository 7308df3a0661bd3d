import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const manifest = z.object({ name: z.literal('caseline'), version: z.string() });

/**
 * The version in Caseline's package.json. Looked up from this file, which sits at a
 * different depth when run from source (src/cli) than when built (dist/src/cli).
 */
export const packageVersion = (from = dirname(fileURLToPath(import.meta.url))): string => {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const parsed = manifest.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) return parsed.data.version;
    }
    if (dirname(dir) === dir) return 'unknown';
  }
};
