// DKIM keys are looked up per (selector, domain), and a shop signs thousands of mails with one:
// answers (failures too) are kept for a while, so a backfill asks DNS once per key, not per mail.
import { promises as dns } from 'node:dns';
import type { DnsResolver } from './authenticity.js';

export function cachingResolver(ttlMs = 10 * 60_000, lookup: DnsResolver = (name, type) => dns.resolve(name, type as 'TXT') as Promise<string[][]>): DnsResolver {
  const cache = new Map<string, { at: number; answer: Promise<string[][] | string[]> }>();
  return (name, type) => {
    const key = `${type} ${name.toLowerCase()}`;
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.answer;
    const answer = lookup(name, type);
    answer.catch(() => {});
    cache.set(key, { at: Date.now(), answer });
    if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
    return answer;
  };
}
