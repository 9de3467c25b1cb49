// How fast bytes become extractions, and what extraction adds on top of parsing. 2,000 generated
// order emails are held in memory; (a) parseMessage alone and (b) readOrder (parse + extract +
// validation) each run over all of them, taking turns, for 3 rounds; the medians are reported.
// The target is (b) at most 1.5 times (a): parsing is the floor, extraction may add half again.
// A correctness count checks that (b) measured a working path: the generator knows each truth.
import { loadavg } from 'node:os';
import type { Extraction } from '../src/extract/extraction.js';
import { parseMessage } from '../src/mail/parse.js';
import { readOrder } from '../src/mail/read-order.js';
import { DEFAULT_SEED, generateOrders, type GeneratedOrder } from './mail/generate-orders.js';
import type { Section } from './run.js';

export interface ExtractBenchOptions {
  count: number;
  rounds: number;
  seed: number;
  /** Target for (b) time / (a) time. */
  maxRatio: number;
}

const DEFAULTS: ExtractBenchOptions = { count: 2000, rounds: 3, seed: DEFAULT_SEED, maxRatio: 1.5 };
// Extraction reads the message's own Date header; `now` only stands in when there is none.
const NOW = new Date('2026-11-26T00:00:00Z');
const CHUNK = 100;

export async function runExtractBench(log: (line: string) => void, options: Partial<ExtractBenchOptions> = {}): Promise<Section[]> {
  const o = { ...DEFAULTS, ...options };
  log(`generating ${o.count.toLocaleString('en')} order emails (seed ${o.seed})...`);
  const g0 = performance.now();
  const messages = await generateOrders(o.count, o.seed);
  const generateMs = performance.now() - g0;
  const bytes = messages.reduce((a, m) => a + m.raw.length, 0);

  // Warm-up, not measured: module loading and JIT of both paths.
  for (const m of messages.slice(0, 100)) await readOrder(m.raw, { now: NOW });

  const loadBefore = loadavg()[0]!;
  const parseTimes: number[] = [];
  const readTimes: number[] = [];
  const parseCpu: number[] = [];
  const readCpu: number[] = [];
  let results: (Extraction | Error)[] = [];
  for (let round = 0; round < o.rounds; round++) {
    // Both paths in turns of 100 messages, each turn starting with the other one, so that a slow
    // spell of a shared machine, or a major GC, lands on both paths and not on one whole pass.
    const parse = { wall: 0, cpu: 0 };
    const read = { wall: 0, cpu: 0 };
    const roundResults: (Extraction | Error)[] = [];
    for (let from = 0, turn = 0; from < messages.length; from += CHUNK, turn++) {
      const chunk = messages.slice(from, from + CHUNK);
      if (turn % 2 === 0) add(parse, await timed(() => parseAll(chunk)));
      add(read, await timed(() => readAll(chunk, roundResults)));
      if (turn % 2 === 1) add(parse, await timed(() => parseAll(chunk)));
    }
    const parseMs = parse.wall;
    const readMs = read.wall;
    parseTimes.push(parseMs);
    readTimes.push(readMs);
    parseCpu.push(parse.cpu);
    readCpu.push(read.cpu);
    if (round === 0) results = roundResults;
    log(`round ${round + 1}/${o.rounds}: parse ${seconds(parseMs)}, parse+extract ${seconds(readMs)}, ratio ${(readMs / parseMs).toFixed(2)}`);
  }

  const a = median(parseTimes);
  const b = median(readTimes);
  const ratio = b / a;
  const cpuRatio = median(readCpu) / median(parseCpu);
  const mb = bytes / 1e6;
  const correct = checkTruth(messages, results);
  const peakRss = process.resourceUsage().maxRSS / 1024;
  const sizes = messages.map((m) => m.raw.length).sort((x, y) => x - y);

  return [
    {
      title: `extract: ${o.count.toLocaleString('en')} generated order emails, ${mb.toFixed(1)} MB (generated in ${seconds(generateMs)})`,
      rows: [
        ['size', 'min', 'median', 'mean', 'max'],
        ['KB', kb(sizes[0]!), kb(sizes[sizes.length >> 1]!), kb(bytes / o.count), kb(sizes[sizes.length - 1]!)],
      ],
      notes: [mix(messages)],
    },
    {
      title: `extract: throughput, median of ${o.rounds} rounds (KB = 10^3, MB = 10^6 bytes)`,
      rows: [
        ['path', 'time', 'messages/s', 'MB/s', 'ms/message', 'CPU time'],
        ['(a) parseMessage', seconds(a), rate(o.count / (a / 1000)), (mb / (a / 1000)).toFixed(1), (a / o.count).toFixed(3), seconds(median(parseCpu))],
        ['(b) readOrder (parse+extract)', seconds(b), rate(o.count / (b / 1000)), (mb / (b / 1000)).toFixed(1), (b / o.count).toFixed(3), seconds(median(readCpu))],
        ['(b) - (a): extract + validate', seconds(b - a), '', '', ((b - a) / o.count).toFixed(3), seconds(median(readCpu) - median(parseCpu))],
      ],
      notes: [
        `rounds (a): ${parseTimes.map(seconds).join(', ')}; (b): ${readTimes.map(seconds).join(', ')}; ratios ${readTimes.map((t, i) => (t / parseTimes[i]!).toFixed(2)).join(', ')}`,
        `ratio (b)/(a): ${ratio.toFixed(2)}   target at most ${o.maxRatio}   ${ratio <= o.maxRatio ? 'PASS' : 'MISS'}   (in CPU time: ${cpuRatio.toFixed(2)})`,
        `load average (1 min) before and after the rounds: ${loadBefore.toFixed(2)}, ${loadavg()[0]!.toFixed(2)}; CPU time (user+system, GC threads included) does not count time spent waiting for a core`,
        `peak RSS: ${peakRss.toFixed(0)} MB (whole process, the ${mb.toFixed(0)} MB of messages included)`,
        `correct: ${correct.ok.toLocaleString('en')} of ${o.count.toLocaleString('en')} came out order_confirmation with the generated order number and total`,
        ...correct.misses,
      ],
    },
  ];
}

interface Cost {
  wall: number;
  cpu: number;
}

/** Wall and CPU milliseconds of one call. */
async function timed(fn: () => Promise<void>): Promise<Cost> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const cpu = process.cpuUsage(cpu0);
  return { wall: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000 };
}

function add(total: Cost, cost: Cost): void {
  total.wall += cost.wall;
  total.cpu += cost.cpu;
}

async function parseAll(messages: GeneratedOrder[]): Promise<void> {
  for (const m of messages) await parseMessage(m.raw);
}

async function readAll(messages: GeneratedOrder[], results: (Extraction | Error)[]): Promise<void> {
  for (const m of messages) {
    try {
      results.push(await readOrder(m.raw, { now: NOW }));
    } catch (err) {
      results.push(err instanceof Error ? err : new Error(String(err)));
    }
  }
}

function checkTruth(messages: GeneratedOrder[], results: (Extraction | Error)[]): { ok: number; misses: string[] } {
  let ok = 0;
  const groups = new Map<string, { count: number; example: string }>();
  messages.forEach((m, i) => {
    const r = results[i];
    const t = m.truth;
    const good = r && !(r instanceof Error) && r.kind === t.kind && r.orderNumber === t.orderNumber &&
      r.total?.amount === t.total.amount && r.total.currency === t.total.currency;
    if (good) {
      ok++;
      return;
    }
    const got = !r ? 'nothing' : r instanceof Error ? `${r.name}: ${r.message}` : `${r.kind} ${r.orderNumber ?? '-'} ${r.total ? `${r.total.amount} ${r.total.currency}` : '-'}`;
    const key = `${t.layout}/${t.language}`;
    const g = groups.get(key) ?? { count: 0, example: `#${i} want ${t.orderNumber} ${t.total.amount} ${t.total.currency}, got ${got}` };
    g.count++;
    groups.set(key, g);
  });
  const misses = [...groups].sort((x, y) => y[1].count - x[1].count).slice(0, 8).map(([key, g]) => `  miss ${key} x${g.count}: ${g.example}`);
  return { ok, misses };
}

function mix(messages: GeneratedOrder[]): string {
  const count = (key: (m: GeneratedOrder) => string) => {
    const c = new Map<string, number>();
    for (const m of messages) c.set(key(m), (c.get(key(m)) ?? 0) + 1);
    return [...c].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  };
  return [`layouts: ${count((m) => m.truth.layout)}`, `shapes: ${count((m) => m.truth.shape)}`, `languages: ${count((m) => m.truth.language)}`].join('\n  ');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const rate = (x: number) => Math.round(x).toLocaleString('en');
