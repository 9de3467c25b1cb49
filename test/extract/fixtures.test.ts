// Every fixture email is a specification: each field its truth names must come out exactly so.
// One named case per file; a regression on any fixture fails the suite.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeOne } from '../../src/accuracy/grade.js';
import { loadCases } from '../../src/accuracy/truth.js';
import { readOrder } from '../../src/mail/read-order.js';

const root = join(import.meta.dirname, '..', '..', 'fixtures');
const folders = [root, ...(await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => join(root, d.name))];
const cases = (await Promise.all(folders.map((f) => loadCases(f)))).flat();

describe('fixture emails', () => {
  it('there are at least 100 graded fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s', async (_name, c) => {
    const extraction = await readOrder(await readFile(c.path), { now: new Date('2026-11-26T00:00:00Z') });
    const misses = gradeOne(c.expected, extraction as unknown as Record<string, unknown>)
      .filter((r) => !r.ok)
      .map((r) => ({ field: r.field, expected: r.expected, actual: r.actual }));
    expect(misses).toEqual([]);
    // Every field that was found says where it came from.
    if (extraction.orderNumber) expect(extraction.evidence.orderNumber).toBeTruthy();
    if (extraction.total) expect(extraction.evidence.total).toBeTruthy();
  });
});
