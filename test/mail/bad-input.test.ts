// Bad input never hangs, crashes or misleads: readOrder either rejects with an error that names
// the problem, or resolves to a valid extraction (the order inside, where one survives). The
// inputs are built in memory (bench/bad-inputs.ts); their time and memory figures are printed by
// `npx tsx bench/run.ts bad-input`, never asserted here.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUT_NAMES, baseOrder, buildBadInput, type BadInputName } from '../../bench/bad-inputs.js';
import type { OrderTruth } from '../../bench/mail/generate-orders.js';
import { Extraction } from '../../src/extract/extraction.js';
import { MessageParseError } from '../../src/mail/parse.js';
import { readOrder } from '../../src/mail/read-order.js';

const NOW = new Date('2026-11-26T00:00:00Z');
const root = join(import.meta.dirname, '..', '..');

/** What must become of each input. */
type Outcome =
  | { rejects: RegExp }
  /** The order email the input was made from is still read: its number and total. */
  | { order: true }
  /** Nothing to read: a valid extraction of this kind. */
  | { kind: 'other' }
  /** Garbled beyond reading: `other`, or the right order, never a wrong one. */
  | { otherOrOrder: true };

const EXPECTED: Record<BadInputName, Outcome> = {
  empty: { rejects: /^empty input: no message bytes$/ },
  'random-64k': { rejects: /^not an email: no From, Date or Subject header and no readable body$/ },
  'attachment-60mb': { order: true },
  'html-body-60mb': { order: true },
  'nested-divs-10k': { order: true },
  'unknown-charset': { order: true },
  'invalid-utf8': { order: true },
  'parts-5000': { rejects: /^MIME structure: Max allowed child nodes exceeded$/ },
  'header-block-2mb': { rejects: /^MIME structure: Max header size for a MIME node exceeded$/ },
  'header-field-2mb': { rejects: /^MIME structure: Max header size for a MIME node exceeded$/ },
  'headers-only': { kind: 'other' },
  'truncated-mime': { order: true },
  'long-body-line-100k': { otherOrOrder: true },
  'long-header-line-100k': { order: true },
};

function expectOrder(e: Extraction, order: OrderTruth | null): void {
  expect(order).not.toBeNull();
  expect({ kind: e.kind, orderNumber: e.orderNumber, total: e.total }).toEqual({ kind: 'order_confirmation', orderNumber: order!.orderNumber, total: order!.total });
}

describe('readOrder on bad input', () => {
  it.each(BAD_INPUT_NAMES.map((n) => [n] as const))('%s', { timeout: 120_000 }, async (name) => {
    const input = await buildBadInput(name);
    const expected = EXPECTED[name];
    const result = readOrder(input.raw, { now: NOW });

    if ('rejects' in expected) {
      await expect(result).rejects.toThrow(MessageParseError);
      await expect(result).rejects.toThrow(expected.rejects);
      return;
    }
    const e = await result;
    expect(Extraction.safeParse(e).success).toBe(true);
    if ('order' in expected) expectOrder(e, input.order);
    else if ('kind' in expected) expect(e.kind).toBe(expected.kind);
    else if (e.kind !== 'other') expectOrder(e, input.order);
  });
});

describe('the extract command on a list of bad files', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orderwatch-bad-cli-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints one JSON line per input, in order, goes on past failures, extracts the good file last, exits 1', { timeout: 180_000 }, async () => {
    const files: string[] = [];
    const orders = new Map<string, OrderTruth | null>();
    for (const name of BAD_INPUT_NAMES) {
      const input = await buildBadInput(name);
      const file = join(dir, `${name}.eml`);
      await writeFile(file, input.raw);
      files.push(file);
      orders.set(file, input.order);
    }
    const missing = join(dir, 'missing.eml');
    files.push(missing);
    const good = await baseOrder();
    const goodFile = join(dir, 'good.eml');
    await writeFile(goodFile, good.raw);
    files.push(goodFile);

    const { code, stdout, stderr } = await run(join(root, 'node_modules', '.bin', 'tsx'), ['bin/dev.ts', 'extract', ...files]);
    const lines = stdout.trimEnd().split('\n');
    expect(lines, stderr).toHaveLength(files.length);
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => r.file)).toEqual(files);

    BAD_INPUT_NAMES.forEach((name, i) => {
      const r = records[i]!;
      const expected = EXPECTED[name];
      if ('rejects' in expected) {
        expect(r.error, name).toMatch(expected.rejects);
        return;
      }
      expect(r.error, name).toBeUndefined();
      const e = Extraction.parse(r); // zod drops the extra `file` key
      const order = orders.get(files[i]!) ?? null;
      if ('order' in expected || e.kind !== 'other') expectOrder(e, order);
      else expect(e.kind, name).toBe('other');
    });
    expect(records[files.length - 2]).toEqual({ file: missing, error: 'no such file' });
    expectOrder(Extraction.parse(records[files.length - 1]), good.truth);
    expect(code).toBe(1);
  });
});

function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
