// The one place that turns raw message bytes into a ParsedMessage. mailparser streams, so a 100 MB
// message costs no more memory than its text parts; everything past the limits below is dropped
// on the way in rather than after. Keeping the parser behind this module keeps it swappable.
import { Readable, type Writable } from 'node:stream';
import { MailParser, type AddressObject, type HeaderLines } from 'mailparser';
import type { MailAddress, ParsedMessage } from './parsed-message.js';
import { capTextParts } from './text-part-cap.js';
import { withDefaultCharset } from './default-charset.js';

export interface ParseLimits {
  /** Longest text or HTML body kept, in characters; the rest is cut (order content sits up top). */
  maxBodyChars: number;
  /** Largest attached message/rfc822 that is parsed in turn (forwarded orders); bigger ones are skipped. */
  maxAttachedMessageBytes: number;
  /** How deep attached messages are followed. */
  maxAttachedDepth: number;
  /** MIME parts beyond this make the message unparseable (mailparser's own guard). */
  maxParts: number;
  /** Bytes read from the source at most; a longer message is rejected, not half-read. */
  maxMessageBytes: number;
  /** A message longer than this has each text part cut after `maxTextPartBytes` encoded bytes (text-part-cap.ts). */
  largeMessageBytes: number;
  maxTextPartBytes: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxBodyChars: 2_000_000,
  maxAttachedMessageBytes: 10 * 1024 * 1024,
  maxAttachedDepth: 3,
  maxParts: 1000,
  maxMessageBytes: 200 * 1024 * 1024,
  largeMessageBytes: 8 * 1024 * 1024,
  // encoded bytes: more than maxBodyChars characters however the part is encoded
  maxTextPartBytes: 8 * 1024 * 1024,
};

export class MessageParseError extends Error {
  override readonly name = 'MessageParseError';
}

type Source = Buffer | string | NodeJS.ReadableStream;

/** Parses one RFC 5322 message. Rejects with MessageParseError for input that is not an email. */
export async function parseMessage(source: Source, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<ParsedMessage> {
  const message = await parseAtDepth(source, limits, 0);
  // Text that came out with replacement characters may be windows-1252 that declared no charset.
  // Read again only below the large-message mark: a second pass must not double a huge message's memory.
  const replaced = message.text?.includes('\uFFFD') || message.html?.includes('\uFFFD');
  if (replaced && (typeof source === 'string' || Buffer.isBuffer(source))) {
    const bytes = Buffer.isBuffer(source) ? source : Buffer.from(source);
    const declared = bytes.length <= limits.largeMessageBytes ? withDefaultCharset(bytes) : null;
    if (declared) return parseAtDepth(declared, limits, 0);
  }
  return message;
}

async function parseAtDepth(source: Source, limits: ParseLimits, depth: number): Promise<ParsedMessage> {
  const input = typeof source === 'string' || Buffer.isBuffer(source) ? Readable.from([Buffer.from(source)]) : source;
  const parser = new MailParser({
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
    ignoreEmbedded: true,
    checksumAlgo: false,
    maxChildNodes: limits.maxParts,
  });

  let headerLines: HeaderLines = [];
  let headers: Map<string, unknown> = new Map();
  let html = '';
  let text = '';
  let bytesIn = 0;
  let sawAnyByte = false;
  const attachments: ParsedMessage['attachments'] = [];
  const embedded: Promise<ParsedMessage | null>[] = [];

  const done = new Promise<void>((resolve, reject) => {
    parser.on('headers', (h) => (headers = h as Map<string, unknown>));
    parser.on('headerLines', (lines: HeaderLines) => (headerLines = lines));
    parser.on('data', (data: any) => {
      if (data.type === 'text') {
        if (typeof data.html === 'string') html = data.html.slice(0, limits.maxBodyChars);
        if (typeof data.text === 'string') text = data.text.slice(0, limits.maxBodyChars);
        return;
      }
      // attachment: record it, keep the bytes only of a forwarded message we can afford to read
      const contentType = String(data.contentType ?? 'application/octet-stream').toLowerCase();
      const entry = { filename: data.filename ?? null, contentType, size: 0 };
      attachments.push(entry);
      const keep = contentType === 'message/rfc822' && depth < limits.maxAttachedDepth;
      const chunks: Buffer[] = [];
      let kept = 0;
      data.content.on('data', (chunk: Buffer) => {
        entry.size += chunk.length;
        if (keep && kept + chunk.length <= limits.maxAttachedMessageBytes) {
          chunks.push(chunk);
          kept += chunk.length;
        }
      });
      data.content.on('end', () => {
        if (keep && entry.size <= limits.maxAttachedMessageBytes) {
          embedded.push(parseAtDepth(Buffer.concat(chunks), limits, depth + 1).catch(() => null));
        }
        data.release();
      });
    });
    parser.on('end', resolve);
    parser.on('error', (err: Error) => reject(new MessageParseError(`MIME structure: ${err.message}`)));
  });

  // Small messages go straight to the parser; past largeMessageBytes the text parts are capped on the way.
  let capFailed: (err: Error) => void = () => undefined;
  const capFailure = new Promise<never>((_, reject) => (capFailed = reject));
  capFailure.catch(() => undefined);
  const feed = (async () => {
    const pending: Buffer[] = [];
    let pendingBytes = 0;
    let sink: Writable | null = null;
    const write = async (target: Writable, buf: Buffer) => {
      if (!target.write(buf)) await new Promise((r) => target.once('drain', r));
    };
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytesIn += buf.length;
      if (buf.length > 0) sawAnyByte = true;
      if (bytesIn > limits.maxMessageBytes) {
        parser.destroy();
        sink?.destroy();
        throw new MessageParseError(`message larger than ${Math.round(limits.maxMessageBytes / 1048576)} MB`);
      }
      if (sink) {
        await write(sink, buf);
        continue;
      }
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes > limits.largeMessageBytes) {
        const cap = capTextParts(limits.maxTextPartBytes);
        cap.output.on('error', (err: Error) => capFailed(new MessageParseError(`MIME structure: ${err.message}`)));
        cap.output.pipe(parser);
        sink = cap.input;
        for (const b of pending.splice(0)) await write(cap.input, b);
      }
    }
    if (sink) {
      sink.end();
      return;
    }
    for (const b of pending) await write(parser, b);
    parser.end();
  })();

  await Promise.race([Promise.all([feed, done]), capFailure]);
  if (!sawAnyByte) throw new MessageParseError('empty input: no message bytes');

  const message: ParsedMessage = {
    from: firstAddress(headers.get('from')),
    replyTo: addresses(headers.get('reply-to')),
    to: addresses(headers.get('to')),
    subject: typeof headers.get('subject') === 'string' ? (headers.get('subject') as string) : '',
    dateHeader: rawHeader(headerLines, 'date'),
    messageId: typeof headers.get('message-id') === 'string' ? (headers.get('message-id') as string) : null,
    header: (name) => allRawHeaders(headerLines, name),
    text: text || null,
    html: html || null,
    attachments,
    attachedMessages: (await Promise.all(embedded)).filter((m): m is ParsedMessage => m !== null),
    bytes: bytesIn,
  };
  if (!looksLikeEmail(message, headerLines)) {
    throw new MessageParseError('not an email: no From, Date or Subject header and no readable body');
  }
  return message;
}

function looksLikeEmail(m: ParsedMessage, lines: HeaderLines): boolean {
  const known = lines.some((l) => /^(from|date|subject|message-id|received|mime-version|to)$/.test(l.key));
  return known && (m.from !== null || m.dateHeader !== null || m.subject !== '');
}

function rawHeader(lines: HeaderLines, name: string): string | null {
  return allRawHeaders(lines, name)[0] ?? null;
}

function allRawHeaders(lines: HeaderLines, name: string): string[] {
  const key = name.toLowerCase();
  return lines
    .filter((l) => l.key === key)
    .map((l) => l.line.slice(l.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
}

function addresses(value: unknown): MailAddress[] {
  const objects = (Array.isArray(value) ? value : value ? [value] : []) as AddressObject[];
  const out: MailAddress[] = [];
  const visit = (list: AddressObject['value']) => {
    for (const a of list) {
      if (a.group) visit(a.group);
      else if (a.address) out.push({ name: a.name || null, address: a.address.toLowerCase() });
    }
  };
  for (const o of objects) if (o && Array.isArray(o.value)) visit(o.value);
  return out;
}

function firstAddress(value: unknown): MailAddress | null {
  return addresses(value)[0] ?? null;
}
