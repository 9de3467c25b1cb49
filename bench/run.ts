// `node dist/bench/run.js [suite...]` (or `npx tsx bench/run.ts`): runs the named benchmark suites,
// all of them when none is named, and prints their figures as plain aligned text. Benchmarks
// report; a missed target is printed as MISS and never makes the exit code non-zero.
import { BAD_INPUT_CHILD, badInputChild, runBadInputBench } from './bad-input.bench.js';
import { runBackfillBench } from './backfill.bench.js';
import { runExtractBench } from './extract.bench.js';
import { runRemindersBench } from './reminders.bench.js';

/** A titled table; the first row is the heading. */
export interface Section {
  title: string;
  rows: string[][];
  /** One letter a column, l or r; by default the first column is left-aligned, the rest right. */
  align?: string;
  notes?: string[];
}

export type Suite = (log: (line: string) => void) => Promise<Section[]>;

const SUITES: Record<string, Suite> = {
  extract: runExtractBench,
  'bad-input': runBadInputBench,
  backfill: runBackfillBench,
  reminders: runRemindersBench,
};

export function formatSection(section: Section): string {
  const widths: number[] = [];
  for (const row of section.rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const left = (i: number) => (section.align ? section.align[i] === 'l' : i === 0);
  const lines = section.rows.map((row) => row.map((cell, i) => (left(i) ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   ').trimEnd());
  return [section.title, '-'.repeat(section.title.length), ...lines, ...(section.notes ?? []).map((n) => `  ${n}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === BAD_INPUT_CHILD) return badInputChild(argv[1] ?? '');
  const names = argv.length > 0 ? argv : Object.keys(SUITES);
  const unknown = names.filter((n) => !(n in SUITES));
  if (unknown.length > 0) {
    console.error(`unknown suite ${unknown.join(', ')}; suites: ${Object.keys(SUITES).join(', ')}`);
    return 2;
  }
  console.log(`orderwatch benchmarks: node ${process.version}, ${process.platform}/${process.arch}`);
  for (const name of names) {
    console.log(`\n== ${name} ==`);
    const sections = await SUITES[name]!((line) => console.log(line));
    for (const section of sections) console.log(`\n${formatSection(section)}`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
