// The header block of a message, read cheaply: just what a summary needs (MessageSummary), the
// same way for every mailbox source, so that triage sees the same fields from IMAP and from files.
import libmime from 'libmime';
import { HEADER_FIELDS, type MessageSummary } from './source.js';

export interface HeaderLine {
  /** Lower-case. */
  name: string;
  /** Unfolded, trimmed, not decoded. */
  value: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The header lines of a message (or of a header block alone), up to the first blank line. */
export function readHeaderBlock(block: Buffer): HeaderLine[] {
  let text: string;
  try {
    text = utf8.decode(block);
  } catch {
    // a cut multi-byte character at the 64 KB edge, or raw 8-bit headers in a legacy charset
    text = block.toString('latin1');
  }
  const out: HeaderLine[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line === '\r') break;
    if (line[0] === ' ' || line[0] === '\t') {
      const last = out[out.length - 1];
      if (last) last.value += line;
      continue;
    }
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trimEnd();
    if (colon <= 0 || !/^[!-9;-~]+$/.test(name)) continue; // not a header field (an mbox "From " line, junk)
    out.push({ name: name.toLowerCase(), value: line.slice(colon + 1) });
  }
  for (const h of out) h.value = h.value.trim();
  return out;
}

/** The raw values of the HEADER_FIELDS headers present (the first of each), keyed by lower-case name. */
export function pickHeaderFields(lines: HeaderLine[]): Record<string, string> {
  const wanted = new Set<string>(HEADER_FIELDS);
  const out: Record<string, string> = {};
  for (const { name, value } of lines) {
    if (wanted.has(name) && !Object.prototype.hasOwnProperty.call(out, name)) out[name] = value;
  }
  return out;
}

export function firstValue(lines: HeaderLine[], name: string): string | null {
  return lines.find((l) => l.name === name)?.value ?? null;
}

/** "<id@host>" out of a Message-ID header, null when there is none. */
export function messageIdOf(value: string | null): string | null {
  if (!value) return null;
  return /<[^<>\s]+>/.exec(value)?.[0] ?? (value.trim() || null);
}

/** The first address of an address header, lower-case; display names and comments never count. */
export function firstAddress(value: string): string | null {
  const bare = value.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\((?:[^()\\]|\\.)*\)/g, ' ');
  const found = /<\s*([^<>\s]+@[^<>\s]+?)\s*>/.exec(bare)?.[1] ?? /[^\s,;:<>"]+@[^\s,;:<>"]+/.exec(bare)?.[0];
  return found ? found.toLowerCase() : null;
}

/** Decodes RFC 2047 encoded words ("=?utf-8?B?...?=") with libmime; text that is not encoded, or cannot be decoded, stays as it is. */
export function decodeWords(value: string): string {
  if (!value.includes('=?')) return value;
  try {
    return libmime.decodeWords(value);
  } catch {
    return value;
  }
}

/** The summary fields a header block gives (the rest, size and dates, come from the mailbox). */
export function summaryFields(lines: HeaderLine[]): Pick<MessageSummary, 'messageId' | 'subject' | 'from' | 'headers'> {
  return {
    messageId: messageIdOf(firstValue(lines, 'message-id')),
    subject: decodeWords(firstValue(lines, 'subject') ?? ''),
    from: firstAddress(decodeWords(firstValue(lines, 'from') ?? '')),
    headers: pickHeaderFields(lines),
  };
}
