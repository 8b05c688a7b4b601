/**
 * Where a worker thread's script is, whether the code runs built (`dist/`) or from source.
 *
 * A `new Worker(url)` needs JavaScript. Built, the worker's `.js` sits next to the module that
 * starts it. Under vitest the starting module is a `.ts` file in `src/`, where no `.js` exists
 * (and Node cannot run the `.ts` in a worker): the built copy in `dist/` (same relative layout,
 * see tsconfig.build.json) is used instead, which is why `npm test` builds first.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packageRoot } from '../config/paths.js';

/**
 * The URL of the worker script `name` (e.g. `'nudity-worker.js'`) that lives beside the module
 * at `from` (pass `import.meta.url`).
 *
 * 1. `./name` next to `from`, when it exists (the built package);
 * 2. else, when `from` is under `<package root>/src/`, the same relative path under `dist/`;
 * 3. else throws an Error telling to run `npm run build`.
 *
 * Note: in case 2 the built file may be older than the source; rebuild after editing a worker.
 */
export function workerScript(name: string, from: string): URL {
  const beside = new URL(`./${name}`, from);
  if (beside.protocol === 'file:' && existsSync(fileURLToPath(beside))) return beside;

  const fromDir = dirname(fileURLToPath(from));
  let built: string | undefined;
  try {
    const root = packageRoot();
    const rel = relative(join(root, 'src'), fromDir);
    if (!rel.startsWith('..') && !isAbsolute(rel)) {
      built = join(root, 'dist', rel, name);
      if (existsSync(built)) return pathToFileURL(built);
    }
  } catch {
    // no package root: fall through to the error
  }
  throw new Error(
    `Worker script ${name} not found beside ${fromDir}${built ? ` nor at ${built}` : ''}. ` +
      'Run `npm run build` (tsc -p tsconfig.build.json) to compile the worker scripts.',
  );
}
