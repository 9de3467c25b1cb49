// The header block of a message, read cheaply: just what a summary needs (MessageSummary), the
// same way for every mailbox source, so that triage sees the same fields from IMAP and from files.
import iconv from 'iconv-lite';
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

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

/** Decodes RFC 2047 encoded words ("=?utf-8?B?...?="); text that is not encoded stays as it is. */
export function decodeWords(value: string): string {
  if (!value.includes('=?')) return value;
  // runs of adjacent words in one charset are joined before decoding: a character may span two
  const parts: Array<string | { charset: string; bytes: Buffer[] }> = [];
  let last = 0;
  for (const m of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, m.index);
    last = m.index + m[0].length;
    const previous = parts[parts.length - 1];
    const afterWord = previous !== undefined && typeof previous !== 'string';
    if (between && !(afterWord && /^\s+$/.test(between))) parts.push(between); // space between two words is not text
    const charset = m[1]!.replace(/\*.*$/, '').toLowerCase(); // RFC 2231 language suffix
    const bytes = m[2] === 'B' || m[2] === 'b' ? Buffer.from(m[3]!, 'base64') : decodeQ(m[3]!);
    const tail = parts[parts.length - 1];
    if (tail !== undefined && typeof tail !== 'string' && tail.charset === charset) tail.bytes.push(bytes);
    else parts.push({ charset, bytes: [bytes] });
  }
  parts.push(value.slice(last));
  return parts.map((p) => (typeof p === 'string' ? p : decodeCharset(Buffer.concat(p.bytes), p.charset))).join('');
}

function decodeQ(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '_') bytes.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

function decodeCharset(bytes: Buffer, charset: string): string {
  if (charset === 'utf-8' || charset === 'utf8' || charset === 'us-ascii') return bytes.toString('utf8');
  return iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : bytes.toString('latin1');
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
