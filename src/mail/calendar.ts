// The iCalendar (RFC 5545) file a reminder carries, so the cancellation deadline lands in the
// owner's calendar with an alarm. Written by hand rather than with the `ics` package: ics 3.12
// folds lines by characters, not octets (a line of German or French text comes out well past 75
// octets), stamps events with the wall clock unless told otherwise, and pulls in yup for a
// dozen lines of output. Pure: the same event gives the same bytes.
import type { Order } from '../orders/order.js';

export interface CalendarEvent {
  /** Globally unique and stable: the same deadline always has the same UID, so a calendar updates it instead of adding another. */
  uid: string;
  /** When this version of the event was written (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  /** An http(s) link shown with the event; anything else is left out. */
  url: string | null;
  /** A display alarm this many minutes before the start. */
  alarm: { minutesBefore: number; description: string } | null;
}

/** Minutes before the deadline at which the calendar's alarm goes off. */
export const ALARM_MINUTES_BEFORE = 30;
/** How long the deadline event lasts in a calendar: it starts at the deadline (RFC 5545 wants DTEND after DTSTART). */
export const DEADLINE_EVENT_MINUTES = 15;

/** The UID of an order's cancellation-deadline event: derived from the order id alone. */
export function deadlineUid(orderId: string): string {
  return `${orderId.replace(/[^A-Za-z0-9._-]/g, '_')}.cancel-by@orderwatch`;
}

/** The event for an order's cancellation deadline, starting at the deadline, with an alarm before it. */
export function deadlineEvent(order: Pick<Order, 'id' | 'cancelUrl'>, deadline: Date, now: Date, text: { summary: string; description: string }): CalendarEvent {
  return {
    uid: deadlineUid(order.id),
    stamp: now,
    start: deadline,
    end: new Date(deadline.getTime() + DEADLINE_EVENT_MINUTES * 60_000),
    summary: text.summary,
    description: text.description,
    url: order.cancelUrl,
    alarm: { minutesBefore: ALARM_MINUTES_BEFORE, description: text.summary },
  };
}

/** A VCALENDAR with one VEVENT, METHOD:PUBLISH: CRLF line ends, lines folded at 75 octets, text escaped. */
export function calendarFile(event: CalendarEvent): string {
  if (!(event.end.getTime() > event.start.getTime())) throw new RangeError(`calendar ${event.uid}: the event must end after it starts`);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//orderwatch//orderwatch//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utc(event.stamp)}`,
    `DTSTART:${utc(event.start)}`,
    `DTEND:${utc(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
  ];
  const url = httpUri(event.url);
  if (url) lines.push(`URL:${url}`);
  lines.push('TRANSP:TRANSPARENT');
  if (event.alarm) {
    const minutes = Math.max(0, Math.round(event.alarm.minutesBefore));
    lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(event.alarm.description)}`, `TRIGGER;RELATED=START:-PT${minutes}M`, 'END:VALARM');
  }
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/**
 * RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as `\n`, other control
 * characters (which TEXT may not hold) dropped; tabs kept.
 */
export function escapeText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/**
 * Folds a content line so that no physical line exceeds 75 octets (the CRLF not counted): each
 * continuation starts with one space. Never splits a UTF-8 sequence or a surrogate pair.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

function utc(d: Date): string {
  if (!Number.isFinite(d.getTime())) throw new RangeError('calendar: invalid date');
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** The link as given when it is a plain http(s) URI (nothing that could break the line or the property). */
function httpUri(url: string | null): string | null {
  if (!url || !/^https?:\/\/[\x21-\x7e]+$/i.test(url) || /["<>\\^`{|}]/.test(url)) return null;
  try {
    new URL(url);
    return url;
  } catch {
    return null;
  }
}
