// The owner's own list of shops (the file named by ORDERWATCH_MERCHANTS): for each shop domain,
// the address a cancellation request goes to and what its policy is. An address listed here is
// trusted whatever an email says (src/orders/trust.ts), so the file is checked strictly: a typo
// stops start-up with the file and the entry named, rather than sending mail somewhere odd.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { registrableDomain } from './extract/merchant.js';

const WINDOW = /^(\d+)\s*(m|h|d|w)$/;
const WINDOW_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** "30m", "2h", "14d", "1w" -> milliseconds; null for anything else. */
export function parseCancelWindow(text: string): number | null {
  const m = WINDOW.exec(text.trim());
  return m ? Number(m[1]) * WINDOW_MS[m[2] as keyof typeof WINDOW_MS] : null;
}

const HOSTNAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

const Entry = z.strictObject({
  /** The shop's registrable domain, as its mail comes from: "shop.com", "shop.co.uk". */
  domain: z.string().trim().toLowerCase().regex(HOSTNAME, 'a domain like shop.com').optional(),
  /** How the shop is shown. */
  name: z.string().trim().min(1).optional(),
  /** Where cancellation requests for this shop go. */
  contactEmail: z.string().trim().toLowerCase().pipe(z.email('an email address like support@shop.com')),
  /** How long after ordering the shop accepts a cancellation: "30m", "2h", "14d", "1w". */
  cancelWindow: z.string().refine((s) => parseCancelWindow(s) !== null, 'a duration like 30m, 2h, 14d or 1w').optional(),
  /** The shop cancels up to shipping. */
  cancelUntilShipped: z.boolean().optional(),
  /** Anything the owner wants to remember about this shop. */
  notes: z.string().optional(),
});

export interface MerchantEntry {
  /** Lower-case registrable domain. */
  domain: string;
  name: string | null;
  /** Lower-case. */
  contactEmail: string;
  /** The policy as written, e.g. "2h"; null when not given. */
  cancelWindow: string | null;
  cancelWindowMs: number | null;
  cancelUntilShipped: boolean | null;
  notes: string | null;
}

export class MerchantsFileError extends Error {
  override readonly name = 'MerchantsFileError';
}

/** The known merchants, by registrable domain. */
export class MerchantDirectory {
  private readonly byDomain: ReadonlyMap<string, MerchantEntry>;

  constructor(entries: readonly MerchantEntry[] = []) {
    this.byDomain = new Map(entries.map((e) => [e.domain, e]));
  }

  static empty(): MerchantDirectory {
    return new MerchantDirectory();
  }

  /** The entry for a domain or any host under it ("mail.shop.com" finds "shop.com"); null when unknown. */
  lookup(domain: string): MerchantEntry | null {
    const d = domain.trim().toLowerCase().replace(/\.$/, '');
    return this.byDomain.get(d) ?? this.byDomain.get(registrableDomain(d) ?? d) ?? null;
  }

  get size(): number {
    return this.byDomain.size;
  }

  entries(): MerchantEntry[] {
    return [...this.byDomain.values()];
  }
}

/** Reads and checks the merchants file; throws MerchantsFileError naming the file (and the entry). */
export async function loadMerchantDirectory(path: string): Promise<MerchantDirectory> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new MerchantsFileError(`merchants file ${path}: cannot be read (${code ?? (err as Error).message})`);
  }
  return parseMerchantDirectory(text, path);
}

/**
 * Checks the text of a merchants file: a JSON array of entries, or an object mapping each domain
 * to its entry (keys starting with "$", such as "$comment", are ignored there). `source` names
 * the file in errors.
 */
export function parseMerchantDirectory(text: string, source: string): MerchantDirectory {
  const fail = (what: string): never => {
    throw new MerchantsFileError(`merchants file ${source}: ${what}`);
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail(`not valid JSON (${(err as Error).message})`);
  }

  let raw: { label: string; key: string | null; value: unknown }[];
  if (Array.isArray(json)) {
    raw = json.map((value, i) => ({ label: `entry ${i + 1}`, key: null, value }));
  } else if (json !== null && typeof json === 'object') {
    raw = Object.entries(json)
      .filter(([key]) => !key.startsWith('$'))
      .map(([key, value]) => ({ label: `entry "${key}"`, key, value }));
  } else {
    return fail('expected a JSON array of merchants, or an object mapping each domain to its merchant');
  }

  const entries: MerchantEntry[] = [];
  const seen = new Map<string, string>();
  for (const { label, key, value } of raw) {
    const parsed = Entry.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      const message = issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
      fail(`${label}: ${field}${message}`);
    }
    const e = parsed.data!;
    const keyDomain = key?.trim().toLowerCase() ?? null;
    if (keyDomain !== null && !HOSTNAME.test(keyDomain)) fail(`${label}: the key must be a domain like shop.com`);
    if (keyDomain !== null && e.domain !== undefined && e.domain !== keyDomain) {
      fail(`${label}: domain "${e.domain}" differs from its key`);
    }
    const domain = keyDomain ?? e.domain ?? fail(`${label}: domain: required`);
    const registrable = registrableDomain(domain);
    if (registrable !== domain) {
      fail(`${label}: domain "${domain}" should be the shop's registrable domain${registrable ? ` "${registrable}"` : ''}`);
    }
    const named = `${label} (${domain})`;
    if (seen.has(domain)) fail(`${named}: ${domain} is listed twice (also ${seen.get(domain)})`);
    seen.set(domain, label);
    entries.push({
      domain,
      name: e.name ?? null,
      contactEmail: e.contactEmail,
      cancelWindow: e.cancelWindow?.trim() ?? null,
      cancelWindowMs: e.cancelWindow !== undefined ? parseCancelWindow(e.cancelWindow) : null,
      cancelUntilShipped: e.cancelUntilShipped ?? null,
      notes: e.notes ?? null,
    });
  }
  return new MerchantDirectory(entries);
}
