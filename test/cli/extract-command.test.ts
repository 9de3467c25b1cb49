// The extract command as a user runs it: a real process, real files, JSON lines out.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const cli = (args: string[], input?: string) => {
  const child = run(process.execPath, ['--import', 'tsx', join(root, 'bin', 'dev.ts'), ...args], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  return child.then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
};
const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l));

describe('orderwatch extract', () => {
  it('prints one JSON object per file, in input order, and exits 0 when all succeed', async () => {
    const files = ['fixtures/corpus/d01-ridgewaypantry-order.eml', 'fixtures/corpus/d21-ridgewaypantry-newsletter.eml'];
    const { code, stdout } = await cli(['extract', ...files]);
    expect(code).toBe(0);
    const out = lines(stdout);
    expect(out.map((o) => o.file)).toEqual(files);
    expect(out[0]).toMatchObject({ kind: 'order_confirmation', orderNumber: '2291', total: { amount: 81, currency: 'USD' } });
    expect(out[1]).toMatchObject({ kind: 'other', orderNumber: null });
  });

  it('reports a bad file with its reason, goes on, and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ow-cli-'));
    await writeFile(join(dir, 'empty.eml'), '');
    const { code, stdout } = await cli(['extract', join(dir, 'missing.eml'), join(dir, 'empty.eml'), dir, 'fixtures/corpus/d02-ashdowntea-order-uk-b64.eml']);
    expect(code).toBe(1);
    const out = lines(stdout);
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual({ file: join(dir, 'missing.eml'), error: 'no such file' });
    expect(out[1].error).toMatch(/empty input/);
    expect(out[2].error).toMatch(/directory/);
    expect(out[3]).toMatchObject({ kind: 'order_confirmation', orderNumber: 'AT-77310' });
  });

  it('reads standard input for "-"', async () => {
    const eml = await readFile(join(root, 'fixtures/corpus/d03-lindgruen-bestellung-de-latin1.eml'), 'latin1');
    const { code, stdout } = await cli(['extract', '-'], eml);
    expect(code).toBe(0);
    expect(lines(stdout)[0]).toMatchObject({ file: '-', orderNumber: 'LG-2604-1187', cancelBy: '2026-04-15T22:00:00+02:00' });
  });

  it('--pretty indents the JSON for people', async () => {
    const { stdout } = await cli(['extract', '--pretty', 'fixtures/corpus/d01-ridgewaypantry-order.eml']);
    expect(stdout).toContain('\n  "kind": "order_confirmation"');
  });
});
