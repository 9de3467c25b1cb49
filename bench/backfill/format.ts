// How the backfill bench prints times, rates, counts and sizes.

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const rate = (x: number) => Math.round(x).toLocaleString('en');
export const count = (x: number) => x.toLocaleString('en');
export const kb = (bytes: number) => (bytes / 1000).toFixed(1);
export const mb0 = (x: number | null) => (x === null ? '?' : x.toFixed(0));
export const perMessage = (ms: number, messages: number) => (messages > 0 ? `${(ms / messages).toFixed(2)} ms` : '-');
export const pct = (part: number, whole: number) => `${whole > 0 ? ((100 * part) / whole).toFixed(0) : '0'}%`;
