// Which domains vouch for a message: the domains the owner's own server saw pass DKIM or DMARC
// (its Authentication-Results headers), and the domains whose DKIM signatures verify here and now
// (mailauth, which asks DNS for the signing key). A contact address in an email is only believed
// for such a domain (src/orders/trust.ts). Verification that cannot be done (no network, a DNS
// failure, a key that is gone) means "not verified": it never throws.
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { judgeAuthenticationResults } from '../extract/authentication-results.js';
import type { ParsedMessage } from './parsed-message.js';

/** Answers DNS questions like node's dns.promises.resolve: TXT records as arrays of strings. */
export type DnsResolver = (name: string, type: string) => Promise<string[][] | string[]>;

export type AuthenticityMethod = 'authentication-results' | 'dkim-verified';

export interface AuthenticityOptions {
  /**
   * The authserv-id of the owner's own mail server (ORDERWATCH_AUTHSERV_ID); a list when its MX
   * hosts stamp different ids. null: no Authentication-Results header is believed.
   */
  authservId: string | readonly string[] | null;
  /** DNS for the DKIM key lookups; mailauth's default (the system resolver) when absent. */
  resolver?: DnsResolver;
  /** Signature expiry is judged at this instant; default: now. */
  now?: Date;
  /** The whole DKIM check gives up after this long and counts as "not verified". Default 10 s. */
  timeoutMs?: number;
  /**
   * The one domain whose word matters to the caller (the shop's). DKIM, which hashes the whole
   * message and asks DNS, is then skipped when Authentication-Results already vouch for it, or
   * when no signature is made by it (d= that domain or one under it).
   */
  forDomain?: string;
}

export interface Authenticity {
  /** Lower-case domains that vouch for the message, without duplicates. */
  domains: string[];
  /** Which checks contributed at least one domain. */
  how: AuthenticityMethod[];
  /** One line on what was found and what was ignored, for logs and the owner's notices. */
  detail: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;

export async function verifiedDomains(raw: Buffer, message: ParsedMessage, options: AuthenticityOptions): Promise<Authenticity> {
  const notes: string[] = [];
  const domains = new Set<string>();
  const how: AuthenticityMethod[] = [];

  const arHeaders = message.header('authentication-results');
  if (options.authservId !== null && options.authservId.length > 0) {
    const { passes, trustedHeaders, ignoredAuthservIds } = judgeAuthenticationResults(arHeaders, options.authservId);
    if (passes.length > 0) {
      how.push('authentication-results');
      for (const p of passes) domains.add(p.domain);
      notes.push(`Authentication-Results of ${[...new Set(passes.map((p) => p.authservId))].join(', ')}: ${passes.map((p) => `${p.method}=pass ${p.domain}`).join(', ')}`);
    } else {
      notes.push(`${trustedHeaders > 0 ? 'no DKIM or DMARC pass in' : 'no'} Authentication-Results of ${ids(options.authservId)}`);
    }
    if (ignoredAuthservIds.length > 0) notes.push(`ignored Authentication-Results of ${printable(ignoredAuthservIds)}`);
  } else if (arHeaders.length > 0) {
    notes.push('Authentication-Results ignored: no authserv-id configured');
  }

  const wanted = options.forDomain?.toLowerCase();
  const covers = (d: string) => wanted !== undefined && (d === wanted || d.endsWith(`.${wanted}`));
  // The owner's server already vouching for the one domain asked about makes DKIM needless.
  if (wanted === undefined || ![...domains].some(covers)) {
    const dkim = await verifyDkim(raw, message, options, wanted === undefined ? null : covers);
    if (dkim.domains.length > 0) {
      how.push('dkim-verified');
      for (const d of dkim.domains) domains.add(d);
    }
    notes.push(dkim.note);
  }

  // parts of the detail come from the message itself: keep it one printable line of bounded length
  return { domains: [...domains], how, detail: notes.join('; ').replace(/[^\x20-\x7e]/g, '?').slice(0, 1000) };
}

interface DkimOutcome {
  domains: string[];
  note: string;
}

async function verifyDkim(raw: Buffer, message: ParsedMessage, options: AuthenticityOptions, wanted: ((domain: string) => boolean) | null): Promise<DkimOutcome> {
  const signatures = message.header('dkim-signature').map(signatureTags);
  if (signatures.length === 0) return { domains: [], note: 'no DKIM signature' };
  if (wanted && !signatures.some((s) => wanted(s.d))) {
    return { domains: [], note: `DKIM not checked: no signature by ${options.forDomain} (${[...new Set(signatures.map((s) => `d=${s.d || '?'}`))].slice(0, 5).join(', ')})` };
  }

  let timer: NodeJS.Timeout | undefined;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    const verification = dkimVerify(raw, {
      ...(options.resolver ? { resolver: options.resolver } : {}),
      curTime: options.now ?? new Date(),
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const outcome = await Promise.race([verification, timeout]);
    // Only results for the message's own DKIM-Signature headers (mailauth also reports ARC seals).
    const ownSignatures = new Set(signatures.map((s) => s.b));
    const passed: string[] = [];
    const failed: string[] = [];
    for (const r of outcome.results as DkimResult[]) {
      if (!r.signingDomain || !ownSignatures.has(stripSpaces(r.signature ?? ''))) continue;
      const domain = r.signingDomain.toLowerCase().replace(/\.$/, '');
      const why = refusal(r);
      if (why === null) {
        if (!passed.includes(domain)) passed.push(domain);
      } else {
        failed.push(`d=${domain} ${why}`);
      }
    }
    const parts = [];
    if (passed.length > 0) parts.push(`DKIM verified: ${passed.map((d) => `d=${d}`).join(', ')}`);
    if (failed.length > 0) parts.push(`DKIM not verified: ${failed.join(', ')}`);
    return { domains: passed, note: parts.join('; ') || 'no DKIM result' };
  } catch (err) {
    return { domains: [], note: `DKIM not verified: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** What mailauth reports per signature (its typings leave most of it out). */
interface DkimResult {
  signingDomain?: string;
  signature?: string;
  canonBodyLengthLimited?: boolean;
  signingHeaders?: { keys?: string };
  status: { result: string; comment?: string; underSized?: number | boolean };
}

/** null when the signature counts; else why not, in a few words. */
function refusal(r: DkimResult): string | null {
  if (r.status.result !== 'pass') return `${r.status.result}${r.status.comment ? ` (${r.status.comment})` : ''}`;
  // RFC 6376 5.4: From must be signed, or the message's author is not what was signed.
  const signed = (r.signingHeaders?.keys ?? '').split(':').map((k) => k.trim().toLowerCase());
  if (!signed.includes('from')) return 'pass but From not signed';
  // An l= signature covers only the start of the body: anything could have been appended after it.
  if (r.status.underSized) return 'pass but part of the body is unsigned (l=)';
  return null;
}

function signatureTags(value: string): { b: string; d: string } {
  const b = /(?:^|;)\s*b\s*=\s*([^;]*)/i.exec(value);
  const d = /(?:^|;)\s*d\s*=\s*([^;\s]*)/i.exec(value);
  return { b: stripSpaces(b?.[1] ?? ''), d: (d?.[1] ?? '').toLowerCase().replace(/\.$/, '') };
}

function stripSpaces(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Ids written by whoever sent the mail: a few, cut short. */
function printable(list: readonly string[]): string {
  const shown = list.slice(0, 5).map((id) => id.slice(0, 64));
  return shown.join(', ') + (list.length > 5 ? ` and ${list.length - 5} more` : '');
}

function ids(authservId: string | readonly string[]): string {
  return typeof authservId === 'string' ? authservId : authservId.join(', ');
}
