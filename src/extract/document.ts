// The working view of one email for the field extractors: readable text, links, structured data,
// and the headers of the message that actually talks about the order (the original, for forwards).
import type { MailAddress, ParsedMessage } from '../mail/parsed-message.js';
import { findForwardedHeaders, looksForwarded, newestPart, unquoteLines } from './forward.js';
import { readHtml, tidyText, type Link, type MicrodataProperty } from './html.js';

export interface Document {
  subject: string;
  /** The shop's sender: the original sender of a forward. */
  from: MailAddress | null;
  replyTo: MailAddress[];
  /** The Date header of the message the order came in (the original, for forwards). */
  dateHeader: string | null;
  /** All readable text, quoting removed, HTML laid out in lines. */
  text: string;
  /** What the sender wrote this time, above quoted history. */
  newest: string;
  links: Link[];
  jsonLd: string[];
  microdata: MicrodataProperty[];
  forwarded: boolean;
  /** The message as delivered: for a forward, the friend who forwarded it. */
  envelope: ParsedMessage;
}

export function buildDocument(message: ParsedMessage): Document {
  const attached = message.attachedMessages.find((m) => m.from !== null);
  const ownText = bodyOf(message);
  if (attached && (looksForwarded(message.subject, ownText.text) || !hasOrderishText(ownText.text))) {
    const inner = buildDocument(attached);
    return { ...inner, forwarded: true, envelope: message };
  }

  const unquoted = unquoteLines(ownText.text);
  const base: Document = {
    subject: message.subject,
    from: message.from,
    replyTo: message.replyTo,
    dateHeader: message.dateHeader,
    text: unquoted,
    newest: newestPart(ownText.text),
    links: ownText.links,
    jsonLd: ownText.jsonLd,
    microdata: ownText.microdata,
    forwarded: false,
    envelope: message,
  };
  if (!looksForwarded(message.subject, unquoted)) return base;

  let original = findForwardedHeaders(unquoted);
  if (!original) return { ...base, forwarded: true };
  // Fwd: Fwd: the shop is behind the innermost header block
  for (let depth = 0; depth < 3; depth++) {
    const inner = findForwardedHeaders(original.body);
    if (!inner?.fromAddress) break;
    original = inner;
  }
  return {
    ...base,
    subject: original.subject ?? message.subject,
    from: original.fromAddress ? { name: original.fromName, address: original.fromAddress } : message.from,
    replyTo: [],
    dateHeader: original.date ?? message.dateHeader,
    text: original.body,
    newest: original.body,
    forwarded: true,
  };
}

interface Body {
  text: string;
  links: Link[];
  jsonLd: string[];
  microdata: MicrodataProperty[];
}

function bodyOf(message: ParsedMessage): Body {
  // The plain-text part is read only where the HTML says nothing (most mail has both).
  let plain: string | null = null;
  const plainText = () => (plain ??= message.text ? tidyText(message.text) : '');
  if (message.html) {
    const html = readHtml(message.html);
    const links = html.links.length > 0 ? html.links : linksInText(plainText());
    return { text: html.text || plainText(), links, jsonLd: html.jsonLd, microdata: html.microdata };
  }
  return { text: plainText(), links: linksInText(plainText()), jsonLd: [], microdata: [] };
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'\])]+/gi;

/**
 * Links of a text-only mail: the words before a URL on its line (or the line above) name it. A
 * line that starts in lower case continues the sentence above ("... cancelar tu pedido hasta las
 * 6:00 p. m.\nde hoy: https://..."): that sentence names the link.
 */
export function linksInText(text: string): Link[] {
  const links: Link[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const above = (lines[i - 1] ?? '').trim();
    for (const m of line.matchAll(URL_IN_TEXT)) {
      const href = m[0].replace(/[.,;:!?]+$/, '');
      const before = line.slice(0, m.index).trim();
      const continues = /^\p{Ll}/u.test(before) && above !== '' && !/https?:\/\//i.test(above);
      const label = continues ? `${above} ${before}` : before || above;
      links.push({ href, text: label.slice(-80), before: label.slice(-80) });
    }
  });
  return links;
}

function hasOrderishText(text: string): boolean {
  return /\d/.test(text) && text.length > 400;
}
