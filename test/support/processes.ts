// Runs a test server as a child in its own process group, so that stopping it reaches every
// process it forked, and so that a crashed test worker does not leave servers and temp dirs behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** util-linux's setpriv sets PR_SET_PDEATHSIG before exec: the server gets SIGKILL if our worker dies. */
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
const OUTPUT_KEPT = 16_384;

export interface ServerProcess {
  readonly pid: number;
  /** Everything the process printed (last 16 KB), for error messages. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process has exited. */
  readonly exited: Promise<string>;
  hasExited(): boolean;
  /**
   * SIGTERM to the whole group at once (Dovecot's master alone takes a second to wind its children
   * down; together they are gone in milliseconds), SIGKILL after `graceMs`; resolves once the group is gone.
   */
  stop(graceMs?: number): Promise<void>;
}

// Safety net, armed by the first server started (never at import): on worker exit, kill what is
// still running and remove the temp dirs still registered. Kept on globalThis so that a worker that
// loads this module once per test file still installs one exit listener.
interface Live {
  groups: Set<number>;
  dirs: Set<string>;
  armed: boolean;
}
const LIVE = Symbol.for('orderwatch.test-support.live-servers');
const live: Live = ((globalThis as Record<symbol, Live | undefined>)[LIVE] ??= { groups: new Set(), dirs: new Set(), armed: false });
const liveGroups = live.groups;
const liveDirs = live.dirs;

function armExitHook(): void {
  if (live.armed) return;
  live.armed = true;
  process.once('exit', () => {
    for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL');
    for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true });
  });
}

const TEMP_PREFIX = 'orderwatch-';
const TEMP_NAME = /^orderwatch-[a-z]+-(\d+)-[A-Za-z0-9]{6}$/;
let swept = false;

/**
 * A new temp dir `orderwatch-<kind>-<pid>-XXXXXX`, removed by the server's stop(), or on worker
 * exit. A worker that is killed (vitest ends its workers with a signal) runs no exit hook: the pid
 * in the name lets a later start remove such a dir once that process is gone.
 */
export function makeTempDir(kind: string): string {
  if (!swept) {
    swept = true;
    sweepDeadOwners();
  }
  const dir = mkdtempSync(join(tmpdir(), `${TEMP_PREFIX}${kind}-${process.pid}-`));
  armExitHook();
  liveDirs.add(dir);
  return dir;
}

/** Removes temp dirs that this harness made in processes that no longer exist. */
function sweepDeadOwners(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const owner = TEMP_NAME.exec(name)?.[1];
    if (owner === undefined || Number(owner) === process.pid || pidAlive(Number(owner))) continue;
    try {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    } catch {
      // another worker may be sweeping the same dir
    }
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  liveDirs.delete(dir);
}

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: no process left in the group
  }
}

/** True while some process of the group is alive (zombies waiting for a reaper do not count). */
function groupAlive(pgid: number): boolean {
  if (!signalGroup(pgid, 0)) return false;
  try {
    // kill(0) also succeeds for zombies; only count members that are not zombies.
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      // fields after the ")" of the command name: state ppid pgrp ...
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[2]) === pgid && rest[0] !== 'Z') return true;
    }
    return false;
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** The path of a server binary (PATH, then the sbin dirs a user's PATH may lack), or a clear error. */
export function serverBinary(name: string): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...SYSTEM_DIRS];
  const found = dirs.map((d) => join(d, name)).find((p) => existsSync(p));
  if (!found) throw new Error(`${name} is not installed: run \`node scripts/ensure-services.mjs\` (as root it installs it)`);
  return found;
}

export function spawnServer(command: string, args: readonly string[], opts: { cwd?: string } = {}): ServerProcess {
  const argv = SETPRIV ? [SETPRIV, '--pdeathsig', 'SIGKILL', '--', command, ...args] : [command, ...args];
  const child: ChildProcess = spawn(argv[0]!, argv.slice(1), {
    cwd: opts.cwd,
    detached: true, // own process group: stop() can signal every process the server forked
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer): void => {
    out = (out + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let done = false;
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      resolve(signal ?? `exit code ${code}`);
    });
    child.once('error', (err) => {
      done = true;
      out += `\nspawn ${command}: ${err.message}`;
      resolve(`spawn error: ${err.message}`);
    });
  });
  const group = child.pid;
  if (group === undefined) {
    // spawn failed at once (ENOENT and the like): the 'error' event carries the reason
    return { pid: -1, output: () => out, exited, hasExited: () => true, stop: async () => void (await exited) };
  }
  armExitHook();
  liveGroups.add(group);

  const stop = async (graceMs = 5_000): Promise<void> => {
    if (!done) signalGroup(group, 'SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
    if (timedOut) signalGroup(group, 'SIGKILL');
    await exited;
    // the server's own children normally go with it; give them a moment, then force them
    for (let i = 0; i < 60 && groupAlive(group); i++) await sleep(50);
    if (groupAlive(group)) signalGroup(group, 'SIGKILL');
    liveGroups.delete(group);
  };

  return { pid: group, output: () => out, exited, hasExited: () => done, stop };
}

/** Polls `probe` until it resolves true; fails early when `server` exits, or after `timeoutMs`. */
export async function waitUntil(
  what: string,
  server: ServerProcess,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  describeFailure: () => string = () => server.output(),
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.hasExited()) throw new Error(`${what}: the server exited (${await server.exited}) before it was ready\n${describeFailure()}`);
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${timeoutMs} ms\n${describeFailure()}`);
    await sleep(50);
  }
}
