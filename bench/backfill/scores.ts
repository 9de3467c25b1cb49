// The targets of run (a) against (b) and (c), and whether it meets them. A missed target is
// printed as MISS; it never fails the run.
import type { FetchRun } from './fetch-all.js';
import type { ServiceRun } from './service-run.js';

export const TARGET = { aOverB: 4, aOverC: 0.8, rssMb: 300 };

/** messages/s of each path, the ratios, and whether (a) meets every target. */
export function scores(n: number, a: ServiceRun, b: FetchRun, c: FetchRun) {
  const aRate = a.ms !== null ? n / (a.ms / 1000) : null;
  const bRate = b.messages / (b.ms / 1000);
  const cRate = c.messages / (c.ms / 1000);
  const ab = aRate === null ? null : aRate / bRate;
  const ac = aRate === null ? null : aRate / cRate;
  const allPass = ab !== null && ab >= TARGET.aOverB && ac !== null && ac >= TARGET.aOverC && a.peakRssMb > 0 && a.peakRssMb < TARGET.rssMb;
  return { aRate, bRate, cRate, ab, ac, allPass };
}
