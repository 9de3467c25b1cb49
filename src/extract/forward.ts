// Forwarded mail: the order was written by the shop, the envelope by a friend. Finds the original
// sender, date and subject in an inline forward's header block, in the languages mail clients use.

export interface ForwardedHeaders {
  fromName: string | null;
  fromAddress: string | null;
  date: string | null;
  subject: string | null;
  /** The text below the forwarded header block. */
  body: string;
}

const FORWARD_SUBJECT = /^\s*(?:fwd?|wg|tr|rv|enc|i|doorst|fs|vs)\s*:/i;
const REPLY_SUBJECT = /^\s*(?:re|aw|sv|rif|r|antw)\s*:/i;

const FORWARD_MARKER = new RegExp(
  [
    String.raw`^-{2,}\s*(?:forwarded message|weitergeleitete nachricht|message transf[ée]r[ée]|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht)\s*-{2,}\s*$`,
    String.raw`^(?:begin forwarded message|anfang der weitergeleiteten nachricht|d[ée]but du message r[ée]exp[ée]di[ée]|inicio del mensaje reenviado|inizio messaggio inoltrato|begin doorgestuurd bericht)\s*:?\s*$`,
  ].join('|'),
  'im',
);
// Outlook writes the same marker above a quoted reply and a forward: only the subject tells them apart.
const ORIGINAL_MARKER = /^-{2,}\s*(?:original message|urspr[üu]ngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht)\s*-{2,}\s*$/im;
const MARKER = new RegExp(`${FORWARD_MARKER.source}|${ORIGINAL_MARKER.source}`, 'im');

const FROM_LABEL = /^(?:from|von|de|da|van|remitente|mittente|afzender)\s*:\s*(.+)$/i;
const DATE_LABEL = /^(?:date|sent|datum|gesendet|envoy[ée]|enviado(?:\s+el)?|fecha|inviato|data|verzonden|verstuurd)\s*:\s*(.+)$/i;
const SUBJECT_LABEL = /^(?:subject|betreff|objet|sujet|asunto|oggetto|onderwerp)\s*:\s*(.+)$/i;
const HEADER_LABEL = /^(?:to|an|à|a|pour|para|aan|cc|cci|bcc|kopie|reply-to|antwort an|r[ée]pondre [àa]|responder a|rispondi a|antwoord aan)\s*:/i;

export function looksForwarded(subject: string, text: string): boolean {
  if (FORWARD_SUBJECT.test(subject)) return true;
  return !REPLY_SUBJECT.test(subject) && FORWARD_MARKER.test(text);
}

/**
 * Finds the forwarded header block in unquoted text. With a marker line the block follows it;
 * without one (Outlook), a From line followed by a Sent/Date and Subject line counts.
 */
export function findForwardedHeaders(text: string): ForwardedHeaders | null {
  const lines = text.split('\n');
  const marker = lines.findIndex((l) => MARKER.test(l.trim()));
  const start = marker >= 0 ? marker + 1 : lines.findIndex((l, i) => FROM_LABEL.test(l.trim()) && hasHeaderBlockAt(lines, i));
  if (start < 0) return null;

  let fromName: string | null = null;
  let fromAddress: string | null = null;
  let date: string | null = null;
  let subject: string | null = null;
  let i = start;
  // The block: header lines, maybe after blank lines; it ends at the first line that is none.
  while (i < lines.length && lines[i]!.trim() === '') i++;
  for (; i < lines.length && i < start + 12; i++) {
    const line = lines[i]!.trim();
    if (line === '') {
      if (fromAddress || date || subject) break;
      continue;
    }
    const from = FROM_LABEL.exec(line);
    const dated = DATE_LABEL.exec(line);
    const subj = SUBJECT_LABEL.exec(line);
    if (from && !fromAddress) {
      ({ name: fromName, address: fromAddress } = splitAddress(from[1]!));
    } else if (dated && !date) date = dated[1]!.trim();
    else if (subj && !subject) subject = subj[1]!.trim();
    else if (!HEADER_LABEL.test(line)) break;
  }
  if (!fromAddress && !date) return null;
  return { fromName, fromAddress, date, subject, body: lines.slice(i).join('\n') };
}

function hasHeaderBlockAt(lines: string[], i: number): boolean {
  const window = lines.slice(i + 1, i + 6).map((l) => l.trim());
  return window.some((l) => DATE_LABEL.test(l)) && window.some((l) => SUBJECT_LABEL.test(l));
}

function splitAddress(value: string): { name: string | null; address: string | null } {
  const angle = /^(.*?)\s*[<[](?:mailto:)?([^<>[\]\s]+@[^<>[\]\s]+)[>\]]/.exec(value);
  if (angle) return { name: unquote(angle[1]!) || null, address: angle[2]!.toLowerCase() };
  const bare = /([^\s<>"]+@[^\s<>"]+\.[a-z]{2,})/i.exec(value);
  return { name: bare ? unquote(value.replace(bare[0], '')) || null : unquote(value) || null, address: bare ? bare[1]!.toLowerCase() : null };
}

function unquote(s: string): string {
  return s.replace(/^["'\s]+|["'\s]+$/g, '').trim();
}

/** Removes e-mail quoting ("> ", ">> ") from every line. */
export function unquoteLines(text: string): string {
  return text.replace(/^(?:[ \t]*>)+[ \t]?/gm, '');
}

const REPLY_HEADER = /^(?:on .{6,120} wrote:|am .{6,120} schrieb .{0,80}:|le .{6,120} a [ée]crit\s*:|el .{6,120} escribi[óo]:|il .{6,120} ha scritto:|op .{6,120} schreef .{0,80}:)\s*$/im;
// Help desks (Zendesk, Freshdesk ...) quote the thread without ">": a reply-above-this-line marker,
// or a "Name (Shop) date" / "Name wrote on date" comment header, starts the history.
const HISTORY_START = /^(?:#{2}-.{0,80}-#{2}|-{2,}\s*(?:reply above this line|bitte oberhalb|r[ée]pondez au-dessus|responde encima|rispondi sopra|antwoord boven).*|.{2,60}\(\s*[^()]{2,40}\)\s*\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4}.{0,30}|.{2,60}\s(?:wrote|schrieb|a [ée]crit|escribi[óo]|ha scritto|schreef)\s+(?:on|am|le|el|il|op)\s.{4,60})$/iu;

/** "On 13 May 2026, at 11:02, Priya wrote:" and help-desk comment headers: the time of a quote, never of an order. */
export function isQuoteHeader(line: string): boolean {
  return REPLY_HEADER.test(line.trim()) || historyStarts(line);
}

function historyStarts(line: string): boolean {
  // every history header holds a marker, a dash rule or a year: most lines are passed over at once
  return line.length < 200 && /##|--|\d{4}/.test(line) && HISTORY_START.test(line.trim());
}

/** The part of a reply above its quoted history: what the sender wrote this time. */
export function newestPart(text: string): string {
  const lines = text.split('\n');
  const fromHelpDesk = helpDeskNewest(lines);
  if (fromHelpDesk !== null) return fromHelpDesk;
  const cut = lines.findIndex((l) => /^\s*>/.test(l) || REPLY_HEADER.test(l.trim()) || MARKER.test(l.trim()) || historyStarts(l));
  return cut <= 0 ? text : lines.slice(0, cut).join('\n');
}

/**
 * Zendesk-style mail: a reply-above-this-line marker on top, then comments newest first, each under
 * a "Name (Shop), date" header, between dash rules. The newest comment is what was written now.
 */
function helpDeskNewest(lines: string[]): string | null {
  const marker = lines.slice(0, 4).findIndex((l) => /^#{2}-.{0,80}-#{2}$/.test(l.trim()));
  if (marker < 0) return null;
  const segments: string[][] = [[]];
  for (const line of lines.slice(marker + 1)) {
    if (/^-{8,}$/.test(line.trim())) segments.push([]);
    else segments[segments.length - 1]!.push(line);
  }
  for (const segment of segments) {
    const first = segment.findIndex((l) => l.trim() !== '');
    if (first >= 0 && COMMENT_HEADER.test(segment[first]!.trim())) {
      const body = segment.slice(first + 1);
      const cut = body.findIndex((l) => /^\s*>/.test(l) || REPLY_HEADER.test(l.trim()));
      return (cut < 0 ? body : body.slice(0, cut)).join('\n').trim();
    }
  }
  return null;
}

/** "Megan (Larchmont Blinds), Dec 2, 2026, 10:14 NST", "Léa (Atelier Grès & Lin)" over "13 mai 2026 à 12:06". */
const COMMENT_HEADER = /^(?:[\p{L} .'-]{2,40}(?:\s*\([^()]{2,40}\))?,?\s+(?:\d{1,2}\.?\s+\p{L}{3,12}\.?|\p{L}{3,9}\.?\s+\d{1,2},?)\s+\d{4}\b.{0,30}|[\p{L} .'-]{2,40}\([^()]{2,40}\))$/u;

