// Dates as emails print them, in six languages, turned into instants. chrono-node does the
// reading; this module supplies what it cannot know: the zone to assume when none is printed
// (the Date header's), whether "03/05" is day-first, and how to print an instant in its own zone.
import * as chrono from 'chrono-node';
import type { Language } from './language.js';

export interface FoundDate {
  /** Milliseconds since the epoch. */
  ms: number;
  /** The UTC offset in minutes the date was written in (printed zone, else the assumed one). */
  offset: number;
  /** Whether a time of day was printed, not just a date. */
  hasTime: boolean;
  /** Whether a zone was printed. */
  hasZone: boolean;
  /** The words chrono read. */
  text: string;
  /** Where in the searched text the date starts. */
  index: number;
}

export interface DateContext {
  language: Language;
  /** Reference instant for dates without a year (the message's own date). */
  reference: Date;
  /** Offset in minutes assumed where no zone is printed. */
  offset: number;
  /** Numeric dates are day-first (03/05 = 3 May): everywhere but North America. */
  dayFirst: boolean;
}

// Strict parsers: printed dates only, no "tomorrow" or "in 2 hours" (windows are read by the policy
// rules), and about half the work of the casual ones.
const GB_STRICT = new chrono.Chrono(chrono.en.configuration.createConfiguration(true, true));
const PARSERS: Record<Language, { dayFirst: chrono.Chrono; monthFirst: chrono.Chrono }> = {
  en: { dayFirst: GB_STRICT, monthFirst: chrono.en.strict },
  de: { dayFirst: chrono.de.strict, monthFirst: chrono.de.strict },
  fr: { dayFirst: chrono.fr.strict, monthFirst: chrono.fr.strict },
  es: { dayFirst: chrono.es.strict, monthFirst: chrono.es.strict },
  it: { dayFirst: chrono.it.strict, monthFirst: chrono.it.strict },
  nl: { dayFirst: chrono.nl.strict, monthFirst: chrono.nl.strict },
};

// Words that join a date and its time and that chrono does not know in every language.
const JOINERS = /(?<!\p{L})(?:alle(?: ore)?|ore|a las|a la|om|um|à|a|at|kl\.?|[-–—])\s+(?=\d{1,2}[:.h]\d{2})/giu;

/** Every date in `text`, read in the context's language, with a date and its time joined. */
// Something chrono could read as a calendar date: 14.04.2026, 2026-04-14, 3 May, 14-Apr-2026, May 3, 3rd May.
// Checked first because chrono costs about a millisecond per call, and most lines hold no date.
const MONTH = String.raw`(?:jan|feb|f[ée]v|mar|m[äa]r|maa|apr|avr|abr|may|mai|mag|mei|jun|jui|giu|jul|lug|aug|ao[uû]|ago|sep|set|oct|okt|ott|nov|dec|d[ée]c|dez|dic|ene|gen)`;
const DATE_SHAPE = new RegExp(String.raw`\d{1,4}[./-]\d{1,2}|\d{1,2}(?:st|nd|rd|th|er|º|°|\.)?[\s-]*(?:de\s+)?${MONTH}|${MONTH}\p{L}*\.?\s+\d{1,2}(?!\d)`, 'iu');

export function mayHoldDate(text: string): boolean {
  return DATE_SHAPE.test(text);
}

export function findDates(text: string, ctx: DateContext): FoundDate[] {
  if (!DATE_SHAPE.test(text)) return [];
  const parser = ctx.dayFirst ? PARSERS[ctx.language].dayFirst : PARSERS[ctx.language].monthFirst;
  const normalized = normalize(text);
  const ref = { instant: ctx.reference, timezone: ctx.offset };
  const results = parser.parse(normalized, ref, { forwardDate: false });
  // chrono-en also reads English dates in other languages' text ("2026-04-14"), keep it as a fallback
  // chrono-en also reads what other locales miss ("2026-04-14 16:12 UTC"): a second pass, only when needed.
  const extra = ctx.language === 'en' || results.some((r) => r.start.isCertain('day')) ? [] : GB_STRICT.parse(normalized, ref, { forwardDate: false });
  const all = [...results];
  for (const r of extra) if (!results.some((x) => overlaps(x, r))) all.push(r);
  all.sort((a, b) => a.index - b.index);

  const found: FoundDate[] = [];
  for (let i = 0; i < all.length; i++) {
    let r = all[i]!;
    let next = all[i + 1];
    // "until 12:00 noon (JST) on 2026/03/04": a time, then its date.
    if (!r.start.isCertain('day') && r.start.isCertain('hour') && next && next.start.isCertain('day') && !next.start.isCertain('hour') && normalized.slice(r.index + r.text.length, next.index).replace(/\s+/g, ' ').length <= 15) {
      const time = r;
      r = next;
      next = time;
      i++;
      const zoned = [time.start, r.start].find((c) => c.isCertain('timezoneOffset'));
      if (isRelative(r)) continue;
      const offset = zoned ? zoneOn(parser, time.text, localToMs(r.start, time.start, zoned.get('timezoneOffset')!), zoned, ctx) : ctx.offset;
      found.push({ ms: localToMs(r.start, time.start, offset), offset, hasTime: true, hasZone: zoned !== undefined, text: normalized.slice(time.index, r.index + r.text.length).trim(), index: time.index });
      continue;
    }
    // A bare time ("10:30"), a weekday or a relative phrase ("within 2 hours", "tomorrow") is
    // not a printed date: windows are read by the policy rules, from the order time.
    if (!r.start.isCertain('day') || isRelative(r)) continue;
    let textRead = r.text;
    let time = r.start;
    if (!r.start.isCertain('hour') && next && next.index - (r.index + r.text.length) <= 15 && next.start.isCertain('hour') && !next.start.isCertain('day')) {
      time = next.start;
      textRead = normalized.slice(r.index, next.index + next.text.length);
      i++;
    }
    const hasTime = time.isCertain('hour');
    const zoned = [time, r.start].find((c) => c.isCertain('timezoneOffset'));
    const offset = zoned ? zoneOn(parser, textRead, localToMs(r.start, hasTime ? time : null, zoned.get('timezoneOffset')!), zoned, ctx) : ctx.offset;
    const ms = localToMs(r.start, hasTime ? time : null, offset);
    found.push({ ms, offset, hasTime, hasZone: zoned !== undefined, text: textRead.trim(), index: r.index });
  }
  return found;
}

/**
 * The offset of the zone printed in `text` on the day it names. chrono reads a zone with summer
 * time ("ET", "CET") against its reference date, which is the mail's own when the time stands
 * apart from its date ("11:59 PM ET on March 31"): read again with that day as the reference.
 */
function zoneOn(parser: chrono.Chrono, text: string, dayMs: number, read: chrono.ParsedComponents, ctx: DateContext): number {
  // within a day of the mail's own date the two readings agree (a clock change in between aside)
  if (Math.abs(dayMs - ctx.reference.getTime()) < DAY_MS) return read.get('timezoneOffset')!;
  const again = parser.parse(text, { instant: new Date(dayMs), timezone: ctx.offset }, { forwardDate: false })[0];
  return (again?.start.isCertain('timezoneOffset') ? again.start : read).get('timezoneOffset')!;
}

const ZONE_NAMES: [RegExp, string][] = [
  [/\b(?:US\s+)?Eastern(?:\s+(?:Standard|Daylight))?\s+Time\b/gi, 'ET'],
  [/\b(?:US\s+)?Central(?:\s+(?:Standard|Daylight))?\s+Time\b/gi, 'CT'],
  [/\b(?:US\s+)?Mountain(?:\s+(?:Standard|Daylight))?\s+Time\b/gi, 'MT'],
  [/\b(?:US\s+)?Pacific(?:\s+(?:Standard|Daylight))?\s+Time\b/gi, 'PT'],
  // Central European time written out; chrono's CET follows summer time.
  [/(?<![\p{L}])(?:heure\s+(?:de\s+Paris|de\s+Bruxelles|fran[çc]aise|de\s+France|belge)|hora\s+(?:peninsular|de\s+Madrid|espa[ñn]ola\s+peninsular)|ora\s+(?:italiana|di\s+Roma)|mitteleurop[äa]ische\s+(?:Sommer)?zeit|deutscher\s+Zeit|Berliner\s+Zeit|Nederlandse\s+tijd|Belgische\s+tijd)(?![\p{L}])/giu, 'CET'],
];

// Noon and midnight in words (the strict English parser reads neither "noon" nor "12 noon" before a date). Same length or shorter, padded.
const NOON = /(?<![\p{L}])(?:midi|mezzogiorno|mediod[ií]a|(?:12\s)?noon|midday)(?![\p{L}])/giu;
const MIDNIGHT = /(?<![\p{L}])(?:minuit|mezzanotte|medianoche|mitternacht|middernacht)(?![\p{L}])/giu;
/** 04.12.2026 is day first wherever dots are used: written as 2026-12-04, no parser can misread it. */
const DOTTED_DATE = /(?<![\d.])(\d{2})\.(\d{2})\.(\d{4})(?![\d]|\.\d)/g;

/** Same-length rewrites chrono reads better; every index stays valid for the caller's text. */
const WORDY_OFFSET = /\((?:[^()\n\d]{1,40}?)[,;]?\s*((?:UTC|GMT)\s?[+−-]\s?\d{1,2}(?::?\d{2})?)\s*\)/gu;

// An order or customer number ("100512  14.04.2026") that chrono would read as a time, 10:05:12.
const LONG_NUMBER = /(?<![\d./:,-])\d{5,}(?![\d./:,-])/g;

function normalize(text: string): string {
  let out = text
    .replace(LONG_NUMBER, (m) => '#'.repeat(m.length))
    .replace(NOON, (m) => (m.length >= 5 ? '12:00' : /noon/i.test(m) ? '12pm' : '12h').padEnd(m.length, ' '))
    .replace(MIDNIGHT, (m) => '00h00'.padEnd(m.length, ' '))
    // "10:22h": the h only repeats that it is a time
    .replace(/(?<!\d)(\d{1,2}:\d{2})\s?h(?![\p{L}\d])/gu, (m, t: string) => t.padEnd(m.length, ' '))
    .replace(JOINERS, (m) => ' '.repeat(m.length))
    .replace(DOTTED_DATE, (m, d: string, mo: string, y: string) => (Number(d) <= 31 && Number(mo) <= 12 ? `${y}-${mo}-${d}` : m))
    .replace(/(?<!\d)(\d{1,2}) ?h ?(\d{2})(?!\d)/g, (m, h: string, min: string) => `${h}:${min}`.padEnd(m.length, ' '));
  for (const [re, abbr] of ZONE_NAMES) out = out.replace(re, (m) => abbr.padEnd(m.length, ' '));
  // "21:14 (hora del centro, UTC-6)": the offset in words' company, brought to the front of its parenthesis
  out = out.replace(WORDY_OFFSET, (m, offset: string) => `(${offset.replace(/[\s−]/g, (c) => (c === '−' ? '-' : ''))})`.padEnd(m.length, ' '));
  return out;
}

export const DAY_MS = 86_400_000;

/** The first instant of the calendar day of `ms`, in the given UTC offset (minutes). */
export function startOfDay(ms: number, offset: number): number {
  const local = ms + offset * 60_000;
  return Math.floor(local / DAY_MS) * DAY_MS - offset * 60_000;
}

/**
 * The calendar day of `dayMs` (in `offset`) at the given time of day, read in the time's own zone
 * when it printed one; without a time, the day's last minute.
 */
export function atTimeOn(dayMs: number, offset: number, time: { hour: number; minute: number; offset: number | null } | null): { ms: number; offset: number } {
  const zone = time?.offset ?? offset;
  const local = new Date(dayMs + zone * 60_000);
  const hour = time ? time.hour : 23;
  const minute = time ? time.minute : 59;
  return { ms: Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour, minute) - zone * 60_000, offset: zone };
}

/** A time of day printed without a date ("until 5:00 PM CT"), with its zone when printed. */
export function findTimeOfDay(text: string, ctx: DateContext): { hour: number; minute: number; offset: number | null } | null {
  const parser = ctx.dayFirst ? PARSERS[ctx.language].dayFirst : PARSERS[ctx.language].monthFirst;
  const r = parser.parse(normalize(text), { instant: ctx.reference, timezone: ctx.offset }).find((x) => x.start.isCertain('hour') && !isRelative(x));
  if (!r) return null;
  const zone = r.start.isCertain('timezoneOffset') ? r.start.get('timezoneOffset')! : null;
  return { hour: r.start.get('hour')!, minute: r.start.get('minute') ?? 0, offset: zone };
}

function isRelative(r: chrono.ParsedResult): boolean {
  const tags = (r as unknown as { tags?: () => Set<string> }).tags?.() ?? new Set<string>();
  for (const t of tags) if (/relative|casualReference/.test(t)) return true;
  return false;
}

/** The instant of a calendar date (and time of day) read in the given offset. */
function localToMs(day: chrono.ParsedComponents, time: chrono.ParsedComponents | null, offset: number): number {
  const utc = Date.UTC(
    day.get('year')!, day.get('month')! - 1, day.get('day')!,
    time?.get('hour') ?? 0, time?.get('minute') ?? 0, time?.get('second') ?? 0,
  );
  return utc - offset * 60_000;
}

function overlaps(a: chrono.ParsedResult, b: chrono.ParsedResult): boolean {
  return a.index < b.index + b.text.length && b.index < a.index + a.text.length;
}

/** The offset in minutes of an RFC 5322 Date header ("... -0700", "GMT", "EST"). */
export function headerOffset(dateHeader: string | null): number | null {
  if (!dateHeader) return null;
  const numeric = /([+-])(\d{2}):?(\d{2})\s*(?:\([^)]*\))?\s*$/.exec(dateHeader.trim());
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  const named = /\b(UT|GMT|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT)\b/.exec(dateHeader);
  if (named) return NAMED_OFFSETS[named[1]!] ?? 0;
  return null;
}

const NAMED_OFFSETS: Record<string, number> = {
  UT: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

/** The instant of a Date header; forwarded blocks print it in prose, so chrono reads what Date.parse cannot. */
export function headerInstant(dateHeader: string | null, assumedOffset: number | null = null): { ms: number; offset: number } | null {
  if (!dateHeader) return null;
  const direct = Date.parse(dateHeader.replace(/\s*\([^)]*\)\s*$/, ''));
  const offset = headerOffset(dateHeader) ?? assumedOffset;
  if (!Number.isNaN(direct) && offset !== null) return { ms: direct, offset };
  const read = chrono.en.GB.parse(dateHeader.replace(/\bat\b/g, ' '))[0];
  if (!read || !read.start.isCertain('day')) return Number.isNaN(direct) ? null : { ms: direct, offset: offset ?? 0 };
  const zone = read.start.isCertain('timezoneOffset') ? read.start.get('timezoneOffset')! : (offset ?? 0);
  return { ms: localToMs(read.start, read.start, zone), offset: zone };
}

/** ISO-8601 with the given offset, seconds precision: 2026-04-14T15:05:00-07:00. */
export function formatInstant(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
