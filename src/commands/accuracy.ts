// `orderwatch accuracy DIR`: grades extraction on a folder of .eml files against its truth and
// prints per-field accuracy, then every miss.
import { gradeOne, summarize, type Report } from '../accuracy/grade.js';
import { loadCases } from '../accuracy/truth.js';
import { readOrder } from '../mail/read-order.js';

export async function gradeFolder(dir: string, now: Date): Promise<Report & { errors: { file: string; error: string }[] }> {
  const cases = await loadCases(dir);
  const graded = [];
  const errors: { file: string; error: string }[] = [];
  for (const c of cases) {
    try {
      const { readFile } = await import('node:fs/promises');
      const extraction = await readOrder(await readFile(c.path), { now });
      graded.push({ file: c.file, results: gradeOne(c.expected, extraction as unknown as Record<string, unknown>) });
    } catch (err) {
      errors.push({ file: c.file, error: err instanceof Error ? err.message : String(err) });
      graded.push({ file: c.file, results: gradeOne(c.expected, {}) });
    }
  }
  return { ...summarize(graded), errors };
}

export function formatReport(dir: string, report: Awaited<ReturnType<typeof gradeFolder>>, verbose: boolean): string {
  const lines = [`${dir}: ${report.files} emails graded`];
  let right = 0;
  let graded = 0;
  for (const [field, r] of Object.entries(report.perField)) {
    right += r.right;
    graded += r.graded;
    lines.push(`  ${field.padEnd(20)} ${pct(r.right, r.graded).padStart(7)}  (${r.right}/${r.graded})`);
  }
  lines.push(`  ${'all fields'.padEnd(20)} ${pct(right, graded).padStart(7)}  (${right}/${graded})`);
  for (const e of report.errors) lines.push(`  error ${e.file}: ${e.error}`);
  if (verbose) {
    for (const m of report.misses) {
      lines.push(`  miss ${m.file} ${m.result.field}: expected ${JSON.stringify(m.result.expected)} got ${JSON.stringify(m.result.actual)}`);
    }
  }
  return lines.join('\n');
}

function pct(a: number, b: number): string {
  return b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`;
}
