// Deadlines counted from another day than the order's: "until 22:00 the day before your delivery",
// "bis 24 Stunden vor Lieferung", "hasta 48 horas antes de la hora de recogida", "until 14:00 the
// next working day". The appointment is the one the email books ("Delivery slot: Saturday 5
// December, 8:00-9:00", "Pick-up: 7 January 2027, 10:30", "Check-in: ..."); without one there is no deadline.
import { atTimeOn, DAY_MS, findDates, findTimeOfDay, startOfDay, type DateContext } from './dates.js';

type Instant = { ms: number; offset: number };

// What a booking is counted back from: a delivery or pick-up, a stay's arrival, a trip's departure,
// an appointment, a class or an event.
const APPOINTMENT_REF = new RegExp(
  [
    String.raw`(?:before|prior\s+to)\s+(?:the\s+start\s+of\s+)?(?:your\s+|the\s+)?(?:delivery|slot|collection|pick-?\s?up|check-?\s?in|arrival|departure|appointment|event|workshop|class|course|session|tour|show|performance|visit|stay|trip|flight|film|movie|screening|concert|match|game|lesson)`,
    String.raw`(?:vor|vortag)\s+(?:beginn\s+)?(?:der\s+|dem\s+|ihrer\s+|deiner\s+|ihrem\s+|deinem\s+|ihres\s+|des\s+)?(?:lieferung|zustellung|liefertermin|abholung|anreise|ankunft|check-?in|abfahrt|abreise|abflug|termin|veranstaltung|kurs(?:beginn)?|workshop|vorstellung|reisebeginn|mietbeginn|lieferfensters?|zeitfensters?|films?|konzerts?|spiels?)`,
    String.raw`(?:avant|pr[ée]c[ée]dant|veille\s+(?:de\s+)?)\s*(?:le\s+d[ée]but\s+(?:de\s+)?)?(?:la\s+|votre\s+|le\s+|l['’]\s*)?(?:livraison|cr[ée]neau|retrait|prise\s+en\s+charge|arriv[ée]e|check-?in|d[ée]part|rendez-vous|cours|atelier|[ée]v[ée]nement|spectacle|s[ée]ance|s[ée]jour|visite|film|concert|match)`,
    String.raw`(?:antes\s+del\s+inicio\s+de|antes\s+de|anterior\s+a)\s+(?:la\s+|tu\s+|su\s+|el\s+)?(?:hora\s+de\s+(?:la\s+|tu\s+|su\s+)?)?(?:franja|entrega|recogida|llegada|entrada|check-?in|salida|cita|clase|curso|taller|evento|visita|pel[ií]cula|funci[óo]n|sesi[óo]n|concierto|partido)`,
    String.raw`prima\s+(?:dell['’]\s*inizio\s+)?(?:della\s+(?:tua\s+)?(?:consegna|fascia)|del(?:l['’]\s*|\s+|la\s+|lo\s+)?(?:ritiro|arrivo|check-?in|partenza|appuntamento|lezione|corso|evento|visita|spettacolo|film|concerto|proiezione|partita))`,
    String.raw`v[oó][oó]r\s+(?:het\s+begin\s+van\s+)?(?:de\s+|je\s+|uw\s+|het\s+)?(?:tijdvak|bezorging|levering|bezorgmoment|ophaalmoment|aankomst|inchecken|check-?in|vertrek|afspraak|les|cursus|workshop|evenement|voorstelling|film|concert|wedstrijd)`,
  ].join('|'),
  'iu',
);
const DAY_BEFORE = /the\s+day\s+before|vortag|la\s+veille|el\s+d[ií]a\s+(?:anterior|antes)|il\s+giorno\s+prima|de\s+dag\s+(?:voor|ervoor)/iu;
const HOURS_BEFORE = /(\d{1,3})\s*-?\s*(minutes?|mins?|minuten|minutos|minuti|hours?|hrs?|h|stunden?|std\.?|heures?|horas?|ore|uur|days?|tage?n?|jours?|d[ií]as?|giorni|dagen)\s+(?:\p{L}+\s+){0,2}?(?:before|prior|vor|avant|antes|prima|v[oó][oó]r)/iu;
const APPOINTMENT_LABEL =
  /(?<![\p{L}])(?:delivery\s+(?:slot|date|window|appointment|day)|your\s+(?:delivery\s+)?slot|scheduled\s+delivery|pick-?\s?up(?:\s+(?:date|time))?|check-?\s?in(?:\s+date)?|arrival\s+date|liefertermin|lieferzeitfenster|liefertag|zustelltermin|abholung|anreise|cr[ée]neau(?:\s+de\s+livraison)?|date\s+de\s+livraison|retrait|prise\s+en\s+charge|date\s+d['’]arriv[ée]e|franja\s+(?:horaria|de\s+entrega)|fecha\s+de\s+entrega|recogida|llegada|fascia\s+oraria|data\s+di\s+consegna|ritiro|arrivo|bezorgmoment|bezorgdatum|leverdatum|tijdvak|ophalen|aankomst|hinfahrt|departure(?:\s+(?:date|time))?|(?:event|class|course|workshop|session|tour|show)\s+(?:date|time|starts?)|appointment(?:\s+(?:date|time))?|abfahrt|abflug|termin|veranstaltungs(?:datum|beginn)|kursbeginn|arriv[ée]e|d[ée]part|rendez-vous|date\s+(?:du\s+cours|de\s+l['’]atelier|de\s+l['’][ée]v[ée]nement)|salida|cita|fecha\s+(?:de\s+la\s+|del\s+)?(?:clase|curso|taller|evento)|partenza|appuntamento|data\s+(?:della\s+lezione|del\s+corso|dell['’]evento)|vertrek|afspraak)\s*:?/iu;

const NEXT_WORKING_DAY =
  /next\s+(?:working|business)\s+day|(?:n[äa]chsten|folgenden)\s+werktag|jour\s+ouvr[ée]\s+suivant|prochain\s+jour\s+ouvr[ée]|(?:siguiente|pr[óo]ximo)\s+d[ií]a\s+h[áa]bil|(?:giorno\s+lavorativo\s+successivo|prossimo\s+giorno\s+lavorativo)|volgende\s+werkdag/iu;
const NEXT_DAY = /(?:the\s+)?(?:next|following)\s+day|the\s+day\s+after\s+(?:your\s+)?(?:order|ordering|you\s+order)|am\s+tag\s+nach\s+(?:ihrer|deiner|der)\s+bestellung|le\s+jour\s+(?:suivant|apr[èe]s)\s+(?:votre\s+|la\s+)?commande|el\s+d[ií]a\s+(?:siguiente\s+a|despu[ée]s\s+de)\s+(?:tu|su)\s+pedido|il\s+giorno\s+(?:successivo|dopo)\s+(?:all['’]\s*|il\s+tuo\s+)ordine|de\s+dag\s+na\s+(?:je|jouw|uw)\s+bestelling|tomorrow|am\s+(?:n[äa]chsten\s+tag|folgetag)|le\s+lendemain|demain|(?:al|del)\s+d[ií]a\s+siguiente|ma[ñn]ana|il\s+giorno\s+(?:dopo|successivo)|domani|de\s+volgende\s+dag|(?<!(?:heute|guten|jeden|am|vanochtend|deze)\s+)(?<![\p{L}])morgen(?![\p{L}])/iu;

// "until 5 pm on Friday", "bis Montag, 12 Uhr", "jusqu'à vendredi 17h": the first such weekday after the order.
const WEEKDAY_NAMES: string[][] = [
  ['sunday', 'sonntag', 'dimanche', 'domingo', 'domenica', 'zondag'],
  ['monday', 'montag', 'lundi', 'lunes', 'luned[iì]', 'maandag'],
  ['tuesday', 'dienstag', 'mardi', 'martes', 'marted[iì]', 'dinsdag'],
  ['wednesday', 'mittwoch', 'mercredi', 'mi[ée]rcoles', 'mercoled[iì]', 'woensdag'],
  ['thursday', 'donnerstag', 'jeudi', 'jueves', 'gioved[iì]', 'donderdag'],
  ['friday', 'freitag', 'vendredi', 'viernes', 'venerd[iì]', 'vrijdag'],
  ['saturday', 'samstag', 'sonnabend', 'samedi', 's[áa]bado', 'sabato', 'zaterdag'],
];
const BY_WEEKDAY = new RegExp(
  String.raw`(?<![\p{L}])(?:until|till|by|before|no\s+later\s+than|bis|sp[äa]testens|jusqu['’]?\s*(?:à|au)|avant|hasta|antes\s+del?|entro|fino\s+a|tot|voor|uiterlijk)\s+[^.!?\n]{0,25}?(?<![\p{L}])(${WEEKDAY_NAMES.flat().join('|')})(?![\p{L}])`,
  'iu',
);

/** Whether the sentence counts its deadline from the day after the order ("bis 23:59 Uhr am Tag nach Ihrer Bestellung"). */
export function countsFromNextDay(sentence: string): boolean {
  return NEXT_WORKING_DAY.test(sentence) || NEXT_DAY.test(sentence);
}

/** Whether the sentence counts its deadline from a booked appointment ("24 hours before delivery"). */
export function countsFromAppointment(sentence: string): boolean {
  return APPOINTMENT_REF.test(sentence);
}

/** A deadline counted from the booked appointment or the order's next (working) day, when the sentence states one. */
export function relativeDeadline(sentence: string, text: string, orderedAt: Instant | null, ctx: DateContext): Instant | null {
  if (APPOINTMENT_REF.test(sentence)) {
    const appointment = bookedAppointment(text, ctx, orderedAt);
    if (!appointment) return null;
    if (DAY_BEFORE.test(sentence)) return atTimeOn(appointment.ms - DAY_MS, appointment.offset, timeOfDay(sentence, ctx));
    const before = HOURS_BEFORE.exec(sentence);
    if (before) {
      const n = Number(before[1]);
      const hours = /^(?:d|t|j|g)/i.test(before[2]!) ? n * 24 : /^m/i.test(before[2]!) ? n / 60 : n;
      const start = appointment.hasTime ? appointment.ms : startOfDay(appointment.ms, appointment.offset);
      return { ms: start - hours * 3_600_000, offset: appointment.offset };
    }
    return null;
  }
  if (!orderedAt) return null;
  const weekday = BY_WEEKDAY.exec(sentence);
  if (weekday) {
    // a weekday alone says a day, not when in it: only with a time of day is it a deadline
    const time = timeOfDay(sentence, ctx);
    return time ? onNextWeekday(orderedAt, weekdayIndex(weekday[1]!), time) : null;
  }
  if (NEXT_WORKING_DAY.test(sentence)) return atTimeOn(nextWorkingDay(orderedAt), orderedAt.offset, timeOfDay(sentence, ctx));
  if (NEXT_DAY.test(sentence)) {
    const time = timeOfDay(sentence, ctx);
    // "tomorrow" alone says a day, not when in it: only with a time of day is it a deadline
    if (time) return atTimeOn(orderedAt.ms + DAY_MS, orderedAt.offset, time);
  }
  return null;
}

// chrono reads "22:00 the day before" as one relative phrase and gives no time: read the clock by hand.
const CLOCK = /(?<![\d:.])(\d{1,2})(?:[:.h](\d{2}))?(\s*(?:a\.?m\.?|p\.?m\.?|uhr|uur)|h)?(?![\d\p{L}])/giu;

function timeOfDay(sentence: string, ctx: DateContext): { hour: number; minute: number; offset: number | null } | null {
  const found = findTimeOfDay(sentence, ctx);
  if (found) return found;
  for (const m of sentence.matchAll(CLOCK)) {
    if (m[2] === undefined && m[3] === undefined) continue; // a bare number is no time
    let hour = Number(m[1]);
    const minute = Number(m[2] ?? 0);
    const half = m[3]?.trim().toLowerCase().replace(/\./g, '');
    if (half === 'pm' && hour < 12) hour += 12;
    if (half === 'am' && hour === 12) hour = 0;
    if (hour <= 23 && minute <= 59) return { hour, minute, offset: null };
  }
  return null;
}

/**
 * The delivery, pick-up, check-in, departure or class the email books: the first date (and slot
 * start) after its label. A mail that counts back from its event without labelling it ("Wheel
 * Throwing for Beginners / Saturday 18 April 2026, 10:00") books the first date with a time of
 * day after the order.
 */
function bookedAppointment(text: string, ctx: DateContext, orderedAt: Instant | null): (Instant & { hasTime: boolean }) | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const label = APPOINTMENT_LABEL.exec(lines[i]!);
    if (!label) continue;
    const rest = `${lines[i]!.slice(label.index + label[0].length)} ${/\d/.test(lines[i]!.slice(label.index)) ? '' : (lines[i + 1] ?? '')}`;
    const date = findDates(rest, ctx)[0];
    if (!date) continue;
    if (date.hasTime) return { ms: date.ms, offset: date.offset, hasTime: true };
    // "Freitag, 04.12.2026, Zeitfenster 08:00-12:00 Uhr": the slot's start is the line's first time,
    // or the time the next line starts with ("Hinfahrt: Dienstag, 05.05.2026 / 07:40 Berlin ZOB")
    const time = findTimeOfDay(rest, ctx) ?? leadingTime(lines[i + 1] ?? '', ctx);
    if (time) return { ...atTimeOn(date.ms, date.offset, time), hasTime: true };
    return { ms: date.ms, offset: date.offset, hasTime: false };
  }
  if (!orderedAt) return null;
  for (let i = 0; i < lines.length; i++) {
    for (const date of findDates(lines[i]!, ctx)) {
      if (date.ms <= orderedAt.ms) continue;
      if (date.hasTime) return { ms: date.ms, offset: date.offset, hasTime: true };
      const time = leadingTime(lines[i + 1] ?? '', ctx);
      if (time) return { ...atTimeOn(date.ms, date.offset, time), hasTime: true };
    }
  }
  return null;
}

const LEADING_TIME = /^\s*(?:[01]?\d|2[0-3])[:.h][0-5]\d(?!\d)/;

function leadingTime(line: string, ctx: DateContext): ReturnType<typeof findTimeOfDay> {
  return LEADING_TIME.test(line) ? findTimeOfDay(line.slice(0, 12), ctx) : null;
}

/** The next Monday-to-Friday after the order's day, in the order's offset. */
function nextWorkingDay(orderedAt: Instant): number {
  let ms = orderedAt.ms + DAY_MS;
  for (;;) {
    const weekday = new Date(ms + orderedAt.offset * 60_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return ms;
    ms += DAY_MS;
  }
}

const WEEKDAYS = WEEKDAY_NAMES.map((names) => new RegExp(`^(?:${names.join('|')})$`, 'iu'));

/** 0 for Sunday to 6 for Saturday. */
function weekdayIndex(name: string): number {
  return WEEKDAYS.findIndex((day) => day.test(name));
}

/** That time on the first such weekday that is still ahead of the order (the order's own day included). */
function onNextWeekday(orderedAt: Instant, weekday: number, time: { hour: number; minute: number; offset: number | null }): Instant {
  const today = new Date(orderedAt.ms + orderedAt.offset * 60_000).getUTCDay();
  const ahead = (weekday - today + 7) % 7;
  const candidate = atTimeOn(orderedAt.ms + ahead * DAY_MS, orderedAt.offset, time);
  return candidate.ms > orderedAt.ms ? candidate : atTimeOn(orderedAt.ms + (ahead + 7) * DAY_MS, orderedAt.offset, time);
}
