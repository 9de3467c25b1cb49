// What the owner's own mail server found when it received a message: the RFC 8601
// Authentication-Results header. Anyone can write such a header into a message, so only the ones
// stamped with the owner's server's authserv-id are believed; a border server strips headers that
// claim its id on the way in (RFC 8601 section 5), which is what makes that id worth trusting.
// Pure: header values in, domains out.

/** One "method=result" statement, e.g. dkim=pass header.d=shop.com. */
export interface AuthMethodResult {
  /** Lower-case, without a method version: "dkim", "dmarc", "spf", "arc", ... */
  method: string;
  /** Lower-case: "pass", "fail", "none", ... */
  result: string;
  /** reason=..., when given (unquoted). */
  reason: string | null;
  /** ptype.property=value pairs and other key=value pairs; keys lower-case ("header.d"), values unquoted. */
  properties: Record<string, string>;
}

export interface AuthenticationResults {
  /** The server that wrote the header; null when the header names none (Microsoft 365 writes none). */
  authservId: string | null;
  results: AuthMethodResult[];
}

/** A domain the owner's server saw pass: DKIM signed by it, or DMARC aligned on it. */
export interface AuthenticatedDomain {
  domain: string;
  method: 'dkim' | 'dmarc';
  /** The authserv-id of the header that said so. */
  authservId: string;
}

/**
 * Parses one Authentication-Results header value (folded or not, with or without the field name).
 * Returns null for a value with nothing recognisable in it.
 */
export function parseAuthenticationResults(value: string): AuthenticationResults | null {
  const text = stripComments(value.replace(/^\s*authentication-results\s*:/i, '').replace(/\r?\n[ \t]+/g, ' '));
  const segments = splitOutsideQuotes(text, ';').map((s) => s.trim());
  if (segments.length === 0 || segments.every((s) => s === '')) return null;

  let authservId: string | null = null;
  let rest = segments;
  const head = segments[0]!;
  if (!/=/.test(head)) {
    // authserv-id [version]; the version is a number after the id (ARC and some servers write it)
    const id = head.split(/\s+/)[0] ?? '';
    authservId = id === '' ? null : unquote(id).toLowerCase();
    rest = segments.slice(1);
  }

  const results: AuthMethodResult[] = [];
  for (const segment of rest) {
    const parsed = parseResinfo(segment);
    if (parsed) results.push(parsed);
  }
  if (authservId === null && results.length === 0) return null;
  return { authservId, results };
}

/** What a message's Authentication-Results headers say, once the untrusted ones are set aside. */
export interface JudgedAuthenticationResults {
  /** DKIM and DMARC passes stated by the trusted server(s), one per method and domain, in order. */
  passes: AuthenticatedDomain[];
  /** How many headers carried a trusted authserv-id. */
  trustedHeaders: number;
  /** The authserv-ids of the headers that were not believed ("(no authserv-id)" for none). */
  ignoredAuthservIds: string[];
}

/**
 * Reads every Authentication-Results value of a message and believes only those stamped with one
 * of `authservIds` (compared case-insensitively; a string may list several, comma-separated).
 * A header from any other authserv-id, or from none, is ignored.
 */
export function judgeAuthenticationResults(headerValues: readonly string[], authservIds: string | readonly string[]): JudgedAuthenticationResults {
  const trusted = new Set(normaliseIds(authservIds));
  const passes: AuthenticatedDomain[] = [];
  const ignored = new Set<string>();
  const seen = new Set<string>();
  let trustedHeaders = 0;
  const add = (domain: string | null, method: 'dkim' | 'dmarc', authservId: string) => {
    if (!domain || seen.has(`${method}:${domain}`)) return;
    seen.add(`${method}:${domain}`);
    passes.push({ domain, method, authservId });
  };
  for (const value of headerValues) {
    const header = parseAuthenticationResults(value);
    if (!header) continue;
    if (header.authservId === null || !trusted.has(header.authservId)) {
      ignored.add(header.authservId ?? '(no authserv-id)');
      continue;
    }
    trustedHeaders++;
    for (const r of header.results) {
      if (r.result !== 'pass') continue;
      if (r.method === 'dkim') {
        add(domainOf(r.properties['header.d']) ?? domainOf(r.properties['header.i']), 'dkim', header.authservId);
      } else if (r.method === 'dmarc') {
        add(domainOf(r.properties['header.from']), 'dmarc', header.authservId);
      }
    }
  }
  return { passes, trustedHeaders, ignoredAuthservIds: [...ignored] };
}

/** The DKIM and DMARC passes of `judgeAuthenticationResults`. */
export function trustedPasses(headerValues: readonly string[], authservIds: string | readonly string[]): AuthenticatedDomain[] {
  return judgeAuthenticationResults(headerValues, authservIds).passes;
}

/** The distinct passing domains (DKIM header.d or header.i's domain, DMARC header.from), in the order first seen. */
export function passingDomains(headerValues: readonly string[], authservIds: string | readonly string[]): string[] {
  return [...new Set(trustedPasses(headerValues, authservIds).map((p) => p.domain))];
}

function normaliseIds(ids: string | readonly string[]): string[] {
  const list = typeof ids === 'string' ? ids.split(',') : ids;
  return list.map((id) => id.trim().toLowerCase()).filter((id) => id !== '');
}

/** "@mail.shop.com", "orders@shop.com", "shop.com.", "\"shop.com\"" -> the lower-case domain; null if not a domain. */
function domainOf(value: string | undefined): string | null {
  if (!value) return null;
  let v = unquote(value.trim()).toLowerCase();
  if (v.includes('@')) v = v.slice(v.lastIndexOf('@') + 1);
  v = v.replace(/\.$/, '').replace(/^<|>$/g, '');
  return /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/.test(v) ? v : null;
}

function parseResinfo(segment: string): AuthMethodResult | null {
  // "dkim = pass" is legal (CFWS around "="): glue it before splitting on spaces
  const tokens = splitOutsideQuotes(segment.replace(/\s*=\s*/g, '='), /\s/).filter((t) => t !== '');
  const first = tokens[0];
  if (!first) return null;
  const eq = first.indexOf('=');
  if (eq <= 0) return null; // "none" (no results) or garbage
  const method = first.slice(0, eq).split('/')[0]!.toLowerCase();
  const result = unquote(first.slice(eq + 1)).toLowerCase();
  if (!/^[a-z0-9_-]+$/.test(method) || result === '') return null;
  let reason: string | null = null;
  const properties: Record<string, string> = {};
  for (const token of tokens.slice(1)) {
    const i = token.indexOf('=');
    if (i <= 0) continue;
    const key = token.slice(0, i).toLowerCase();
    const value = unquote(token.slice(i + 1));
    if (key === 'reason') reason = value;
    else if (!(key in properties)) properties[key] = value;
  }
  return { method, result, reason, properties };
}

/** Replaces (comments), nested and with \-escapes, by a space; quoted strings are left alone. */
function stripComments(s: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && (depth > 0 || quoted)) {
      if (depth === 0) out += c + (s[i + 1] ?? '');
      i++;
      continue;
    }
    if (depth === 0 && c === '"') quoted = !quoted;
    if (!quoted) {
      if (c === '(') {
        depth++;
        continue;
      }
      if (c === ')' && depth > 0) {
        depth--;
        if (depth === 0) out += ' ';
        continue;
      }
    }
    if (depth === 0) out += c;
  }
  return out;
}

function splitOutsideQuotes(s: string, separator: string | RegExp): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && quoted) {
      current += c + (s[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    const isSeparator = !quoted && (typeof separator === 'string' ? c === separator : separator.test(c));
    if (isSeparator) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

function unquote(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replace(/\\(.)/g, '$1') : s;
}
