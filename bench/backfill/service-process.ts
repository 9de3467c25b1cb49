// Starting and stopping the service of run (a) as a child process.
import type { ChildProcess } from 'node:child_process';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** The service as a user runs it: the built CLI under `npm run bench`, the TypeScript entry under tsx. */
export function serviceCommand(): { command: string; args: string[]; cwd: string; label: string } {
  const here = dirname(fileURLToPath(import.meta.url));
  // this file is bench/backfill/ in the repository, dist/bench/backfill/ once built
  const built = basename(dirname(dirname(here))) === 'dist';
  const root = built ? resolve(here, '../../..') : resolve(here, '../..');
  // e.g. BENCH_SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to see where (a) spends its time
  const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  return built
    ? nodeArgs.length === 0
      ? // as a user runs it: the executable, with the node options of its #! line
        { command: join(root, 'bin/orderwatch.js'), args: ['run'], cwd: root, label: 'bin/orderwatch.js run (built)' }
      : { command: process.execPath, args: [...nodeArgs, join(root, 'bin/orderwatch.js'), 'run'], cwd: root, label: 'node bin/orderwatch.js run (built)' }
    : { command: process.execPath, args: [...nodeArgs, '--import', 'tsx', join(root, 'bin/dev.ts'), 'run'], cwd: root, label: 'node --import tsx bin/dev.ts run' };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  if ((await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])) === false) {
    child.kill('SIGKILL');
    await exited;
  }
}
