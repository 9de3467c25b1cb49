// Grades extractions against expected values, field by field, under the corpus rules: only the
// fields present in the expected object count; instants compare as instants; amounts to the cent;
// the merchant by its domain.

export const GRADED_FIELDS = [
  'kind', 'merchant', 'orderNumber', 'orderedAt', 'total', 'cancelBy', 'cancelUntilShipped', 'cancelUrl',
  'returnWindowDays', 'contactEmail', 'trackingNumber',
] as const;
export type GradedField = (typeof GRADED_FIELDS)[number];

export interface FieldResult {
  field: GradedField;
  ok: boolean;
  expected: unknown;
  actual: unknown;
}

export function gradeOne(expected: Record<string, unknown>, actual: Record<string, unknown>): FieldResult[] {
  const results: FieldResult[] = [];
  for (const field of GRADED_FIELDS) {
    if (!(field in expected)) continue;
    const want = expected[field];
    const got = actual[field] ?? null;
    results.push({ field, ok: sameValue(field, want, got), expected: want, actual: got });
  }
  return results;
}

function sameValue(field: GradedField, want: unknown, got: unknown): boolean {
  if (want === null || got === null) return want === got;
  switch (field) {
    case 'merchant':
      return lower((want as { domain?: unknown }).domain) === lower((got as { domain?: unknown }).domain);
    case 'orderedAt':
    case 'cancelBy':
      return Date.parse(String(want)) === Date.parse(String(got));
    case 'total': {
      const w = want as { amount: number; currency: string };
      const g = got as { amount: number; currency: string };
      return Math.abs(w.amount - g.amount) < 0.005 && w.currency === g.currency;
    }
    case 'contactEmail':
      return lower(want) === lower(got);
    default:
      return JSON.stringify(want) === JSON.stringify(got);
  }
}

function lower(v: unknown): string | null {
  return typeof v === 'string' ? v.toLowerCase() : null;
}

export interface Report {
  files: number;
  perField: Record<string, { right: number; graded: number }>;
  misses: { file: string; result: FieldResult }[];
}

export function summarize(graded: { file: string; results: FieldResult[] }[]): Report {
  const perField: Report['perField'] = {};
  const misses: Report['misses'] = [];
  for (const { file, results } of graded) {
    for (const r of results) {
      const f = (perField[r.field] ??= { right: 0, graded: 0 });
      f.graded++;
      if (r.ok) f.right++;
      else misses.push({ file, result: r });
    }
  }
  return { files: graded.length, perField, misses };
}
