// What each bad input costs: wall time and peak RSS growth of readOrder on it. Each input is
// written to a temporary file and read in a fresh child process as a stream, the way the CLI
// reads it, so one case's heap cannot hide or inflate another's. Figures are printed, never
// asserted; SLOW and MEM mark the cases past "a few seconds and bounded memory".
import { fork } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { readOrder } from '../src/mail/read-order.js';
import { BAD_INPUT_NAMES, baseOrder, buildBadInput, type BadInput } from './bad-inputs.js';
import { generateOrders } from './mail/generate-orders.js';
import type { Section } from './run.js';

/** argv[0] of the child process that measures one file (see bench/run.ts). */
export const BAD_INPUT_CHILD = '--bad-input-child';

const SLOW_MS = 3000;
const MEM_MB = 256;
const CHILD_TIMEOUT_MS = 120_000;
const NOW = new Date('2026-11-26T00:00:00Z');

interface ChildReport {
  ms: number;
  /** maxRSS after readOrder minus maxRSS before it, MB. */
  growthMb: number;
  baseMb: number;
  outcome: { ok: true; kind: string; orderNumber: string | null; total: string | null } | { ok: false; error: string };
}

export async function runBadInputBench(log: (line: string) => void): Promise<Section[]> {
  const dir = await mkdtemp(join(tmpdir(), 'orderwatch-bad-input-'));
  const rows: string[][] = [['input', 'size MB', 'time', 'peak RSS +MB', 'flag', 'result']];
  try {
    for (const name of [...BAD_INPUT_NAMES, 'good-order' as const]) {
      const input: Pick<BadInput, 'raw' | 'order'> = name === 'good-order' ? await goodOrder() : await buildBadInput(name);
      const file = join(dir, `${name}.eml`);
      await writeFile(file, input.raw);
      const size = (await stat(file)).size;
      const r = await measureInChild(file);
      await rm(file);
      if ('timeout' in r) {
        rows.push([name, mb(size), `> ${CHILD_TIMEOUT_MS / 1000} s`, '?', 'HANG', 'killed: no answer in time']);
      } else if ('crash' in r) {
        rows.push([name, mb(size), '?', '?', 'CRASH', r.crash]);
      } else {
        const flag = [r.ms > SLOW_MS ? 'SLOW' : '', r.growthMb > MEM_MB ? 'MEM' : ''].filter(Boolean).join(' ') || 'ok';
        rows.push([name, mb(size), `${(r.ms / 1000).toFixed(2)} s`, r.growthMb.toFixed(0), flag, describe(r, input.order)]);
      }
      log(`${name}: done`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return [
    {
      title: 'bad-input: readOrder on each input, one fresh process each, file read as a stream',
      rows,
      align: 'lrrrll',
      notes: [
        `flags: SLOW over ${SLOW_MS / 1000} s, MEM peak RSS growth over ${MEM_MB} MB, HANG no answer in ${CHILD_TIMEOUT_MS / 1000} s, CRASH child died`,
        'peak RSS growth: the child\'s maxRSS after readOrder less its maxRSS before (modules loaded, 31 warm-up messages read)',
        '"order found" = order_confirmation with the order number and total of the order email the input was made from',
      ],
    },
  ];
}

async function goodOrder(): Promise<Pick<BadInput, 'raw' | 'order'>> {
  const o = await baseOrder();
  return { raw: o.raw, order: o.truth };
}

type ChildResult = ChildReport | { timeout: true } | { crash: string };

function measureInChild(file: string): Promise<ChildResult> {
  return new Promise((resolve) => {
    // The entry script (bench/run.ts under tsx, dist/bench/run.js built) re-runs itself as the child.
    const child = fork(process.argv[1]!, [BAD_INPUT_CHILD, file], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    let report: ChildReport | null = null;
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('message', (m) => (report = m as ChildReport));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ timeout: true });
    }, CHILD_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (report) resolve(report);
      else if (signal !== 'SIGKILL') resolve({ crash: `exit ${code ?? signal}: ${stderr.trim().split('\n').slice(-1)[0] ?? ''}` });
    });
  });
}

/** The child's side: read one file with readOrder, send back time, memory and outcome. */
export async function badInputChild(file: string): Promise<number> {
  // Load and warm every module first (both source paths, all six languages), so the figures are
  // the input's own cost and not the first-call JIT cost of the extractor's expressions.
  for (const m of [await baseOrder(), ...(await generateOrders(30, 7))]) await readOrder(Readable.from([m.raw]), { now: NOW });
  const before = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  let outcome: ChildReport['outcome'];
  try {
    const e = await readOrder(createReadStream(file, { highWaterMark: 256 * 1024 }), { now: NOW });
    outcome = { ok: true, kind: e.kind, orderNumber: e.orderNumber, total: e.total ? `${e.total.amount} ${e.total.currency}` : null };
  } catch (err) {
    outcome = { ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
  const ms = performance.now() - t0;
  const after = process.resourceUsage().maxRSS;
  const report: ChildReport = { ms, growthMb: (after - before) / 1024, baseMb: before / 1024, outcome };
  await new Promise<void>((resolve) => process.send!(report, () => resolve()));
  process.disconnect(); // the IPC channel would keep the child alive
  return 0;
}

function describe(r: ChildReport, order: BadInput['order']): string {
  if (!r.outcome.ok) return `rejected: ${r.outcome.error}`;
  const found = order && r.outcome.kind === 'order_confirmation' && r.outcome.orderNumber === order.orderNumber &&
    r.outcome.total === `${order.total.amount} ${order.total.currency}`;
  if (found) return 'order found';
  return `${r.outcome.kind} ${r.outcome.orderNumber ?? '-'} ${r.outcome.total ?? '-'}${order ? ' (order not found)' : ''}`;
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes < 1e6 ? 3 : 1);
