// What orderwatch's emails say: for each kind, who it goes to, its subject and thread, the facts
// it must carry, HTML that escapes whatever an email put in the order, the calendar event a
// reminder carries (read back with ical.js), and dates in the owner's time zone across DST.
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMail } from '../../src/mail/compose.js';
import { calendarFile, deadlineEvent, escapeText, foldLine } from '../../src/mail/calendar.js';
import { renderMail, TemplateError, type TemplateContext } from '../../src/mail/templates.js';
import { formatTimeLeft } from '../../src/mail/templates/format.js';
import type { MailToSend, Progress } from '../../src/orders/decide.js';
import { CorrespondenceEntry, Order } from '../../src/orders/order.js';
import { OutgoingMail } from '../../src/orders/outgoing.js';

const OWNER = { name: 'Robin Müller', address: 'robin@postbird.net' };
const SHOP_CONTACT = { name: 'Velvet Orchard Care', address: 'care@velvetorchard.com' };
const CONFIRMATION_ID = '<conf.VO-2026-11873@mail.velvetorchard.com>';
const REQUEST_ID = '<ow.cancel_request.o1.1776186600000.q7r1@postbird.net>';
const CANCEL_URL = 'https://velvetorchard.com/account/orders/VO-2026-11873/cancel?token=vo_8c1f2e&src=receipt';
// 16:55 UTC = 18:55 CEST; the deadline 19:00 UTC = 21:00 CEST; "now" 16:55 UTC leaves 2h 05m.
const NOW = new Date('2026-04-14T16:55:00Z');

// Built through the schemas, so fields added to the order later take their defaults here.
function entry(over: Partial<CorrespondenceEntry>): CorrespondenceEntry {
  return CorrespondenceEntry.parse({ direction: 'in', date: null, subject: '', messageId: null, kind: null, from: null, location: null, ...over });
}

const CONFIRMATION = entry({ date: '2026-04-14T16:50:30Z', subject: 'Your Velvet Orchard order VO-2026-11873', messageId: CONFIRMATION_ID, kind: 'order_confirmation', from: 'orders@velvetorchard.com' });
const REQUEST = entry({ direction: 'out', date: '2026-04-14T17:10:00Z', subject: 'Cancellation request: order VO-2026-11873', messageId: REQUEST_ID, from: OWNER.address });

function order(over: Partial<Order> = {}): Order {
  return Order.parse({
    id: 'o1',
    merchant: { name: 'Velvet Orchard', domain: 'velvetorchard.com' },
    orderNumber: 'VO-2026-11873',
    orderedAt: '2026-04-14T16:50:00Z',
    total: { amount: 129, currency: 'EUR' },
    items: [
      { name: 'Linen Throw, Sage', quantity: 1, price: 89 },
      { name: 'Fig Leaf Candle', quantity: 2, price: 40 },
    ],
    cancelBy: '2026-04-14T19:00:00Z',
    cancelUntilShipped: false,
    cancelUrl: CANCEL_URL,
    returnWindowDays: 30,
    contactEmail: 'care@velvetorchard.com',
    trackingNumber: null,
    state: 'detected',
    flags: [],
    confirmed: true,
    shippedAt: null,
    deliveredAt: null,
    messages: [CONFIRMATION],
    createdAt: '2026-04-14T16:51:00Z',
    updatedAt: '2026-04-14T16:51:00Z',
    ...over,
  });
}

const PROGRESS: Progress = { cancelAskedAt: null, keep: false, followups: 0, contactTrusted: true };
const TO_SHOP: MailToSend[] = ['cancel_request', 'followup'];

function ctx(kind: MailToSend, over: Partial<TemplateContext> = {}): TemplateContext {
  return {
    order: order(),
    progress: PROGRESS,
    owner: OWNER,
    timeZone: 'Europe/Berlin',
    now: NOW,
    messageId: `<ow.${kind}.o1.1776185700000.k9x2@postbird.net>`,
    thread: { inReplyTo: CONFIRMATION_ID, references: [CONFIRMATION_ID] },
    to: TO_SHOP.includes(kind) ? SHOP_CONTACT : OWNER,
    requestMessageId: null,
    ...over,
  };
}

const render = (kind: MailToSend, over: Partial<TemplateContext> = {}) => renderMail(kind, ctx(kind, over));

const ALL_KINDS: MailToSend[] = [
  'reminder', 'until_shipped_notice', 'cancel_request', 'manual_cancel_notice', 'followup', 'handover',
  'cancelled_notice', 'denied_notice', 'missing_order_confirmation_notice',
];

/** The calendar lines as a client reads them: CRLF-separated, continuation lines unfolded. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe('every kind: sender, recipients, thread, parts', () => {
  const expected: Record<MailToSend, { kind: OutgoingMail['kind']; to: 'owner' | 'shop'; html: boolean; calendar: boolean }> = {
    reminder: { kind: 'reminder', to: 'owner', html: true, calendar: true },
    until_shipped_notice: { kind: 'reminder', to: 'owner', html: true, calendar: false },
    cancel_request: { kind: 'cancel_request', to: 'shop', html: false, calendar: false },
    followup: { kind: 'followup', to: 'shop', html: false, calendar: false },
    handover: { kind: 'handover', to: 'owner', html: true, calendar: false },
    manual_cancel_notice: { kind: 'notice', to: 'owner', html: true, calendar: false },
    cancelled_notice: { kind: 'notice', to: 'owner', html: true, calendar: false },
    denied_notice: { kind: 'notice', to: 'owner', html: true, calendar: false },
    missing_order_confirmation_notice: { kind: 'notice', to: 'owner', html: true, calendar: false },
    // The fixture order has no return deadline yet: the reminder says the window is closed, without an event.
    return_reminder: { kind: 'reminder', to: 'owner', html: true, calendar: false },
  };

  it.each(ALL_KINDS)('%s: from the owner, to the right person, in the caller\'s thread, with the caller\'s Message-ID', (kind) => {
    const mail = render(kind);
    const want = expected[kind];
    expect(OutgoingMail.parse(mail)).toEqual(mail);
    expect(mail.kind).toBe(want.kind);
    expect(mail.orderId).toBe('o1');
    expect(mail.messageId).toBe(`<ow.${kind}.o1.1776185700000.k9x2@postbird.net>`);
    expect(mail.from).toEqual(OWNER);
    expect(mail.to).toEqual([want.to === 'owner' ? OWNER : SHOP_CONTACT]);
    expect(mail.replyTo).toBeNull();
    expect(mail.inReplyTo).toBe(CONFIRMATION_ID);
    expect(mail.references).toEqual([CONFIRMATION_ID]);
    expect(mail.keepInSent).toBe(want.to === 'shop');
    expect(mail.html !== null).toBe(want.html);
    expect(mail.calendar !== null).toBe(want.calendar);
    expect(mail.text).toContain('VO-2026-11873');
    expect(mail.text.endsWith('\n')).toBe(true);
  });

  it('a reminder composes into a message a mail client reads: both parts, the thread, the .ics attached', async () => {
    const hostile = order({ merchant: { name: 'Velvet <Orchard> "Café"', domain: 'velvetorchard.com' } });
    const mail = render('reminder', { order: hostile });
    const parsed = await simpleParser(await composeMail(mail, NOW));
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.inReplyTo).toBe(CONFIRMATION_ID);
    expect(parsed.text?.trim()).toBe(mail.text.trim());
    expect(parsed.html).toContain('Velvet &lt;Orchard&gt; &quot;Café&quot;');
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([['cancel-by-VO-2026-11873.ics', 'text/calendar']]);
    expect(parsed.attachments[0]!.content.toString('utf8')).toBe(mail.calendar!.content);
  });

  it('owner-facing mail may go to the owner only: anything else is a TemplateError', () => {
    expect(() => render('handover', { to: SHOP_CONTACT })).toThrow(TemplateError);
    expect(() => render('reminder', { to: { name: null, address: 'someone@else.example' } })).toThrow(/must be addressed to the owner/);
    expect(render('reminder', { to: { name: null, address: 'Robin@Postbird.net' } }).to[0]!.address).toBe('Robin@Postbird.net');
  });

  it('an unknown time zone, an invalid clock or a malformed Message-ID is a TemplateError naming kind and order', () => {
    expect(() => render('reminder', { timeZone: 'Mars/Olympus_Mons' })).toThrow(/renderMail reminder o1: unknown time zone "Mars\/Olympus_Mons"/);
    expect(() => render('reminder', { now: new Date(Number.NaN) })).toThrow(TemplateError);
    expect(() => render('cancelled_notice', { messageId: 'no-angle-brackets@postbird.net' })).toThrow(/renderMail cancelled_notice o1: messageId/);
  });
});

describe('reminder', () => {
  it('has the subject of issue #4: deadline in the owner\'s zone, shop, order number, time left', () => {
    expect(render('reminder').subject).toBe('Cancel by Tue 14 Apr 21:00 CEST? Velvet Orchard order VO-2026-11873 (2h 05m left)');
  });

  it('says shop, order number, items, total, deadline, time left, the cancel link and how to cancel by reply, in both parts', () => {
    const mail = render('reminder');
    const facts = ['Velvet Orchard', 'VO-2026-11873', '1 × Linen Throw, Sage, €89.00', '2 × Fig Leaf Candle, €40.00', '€129.00', 'Tue 14 Apr 2026, 21:00 CEST', '2h 05m'];
    for (const fact of facts) {
      expect(mail.text).toContain(fact);
      expect(mail.html).toContain(fact);
    }
    expect(mail.text).toContain(`Cancel it on the shop's site: ${CANCEL_URL}`);
    expect(mail.html).toContain(`<a href="${CANCEL_URL.replace(/&/g, '&amp;')}">`);
    expect(mail.text).toContain('reply to this email with the word cancel (or keep to stop reminders)');
    expect(mail.text).toContain("writes to Velvet Orchard's customer service (care@velvetorchard.com)");
  });

  it('tells the owner a reply leads to steps to cancel themselves when the shop\'s address is not trusted', () => {
    const mail = render('reminder', { progress: { ...PROGRESS, contactTrusted: false } });
    expect(mail.text).toContain('reply to this email with the word cancel (or keep to stop reminders)');
    expect(mail.text).toContain('cannot write to Velvet Orchard for you');
    expect(mail.text).not.toContain('in your name');
  });

  it('without a usable cancel link it says so, and never links anything but http(s)', () => {
    for (const cancelUrl of [null, 'javascript:alert(1)', 'https://velvetorchard.com/cancel"><script>x</script>']) {
      const mail = render('reminder', { order: order({ cancelUrl }) });
      expect(mail.text).toContain("emails give no cancel link");
      expect(mail.html).not.toMatch(/<a |javascript:|<script/i);
      expect(mail.calendar!.content).not.toMatch(/^URL:/m);
    }
  });

  it('counts time left down to the minute, rounding down', () => {
    expect(render('reminder', { now: new Date('2026-04-14T18:35:30Z') }).subject).toMatch(/\(24m left\)$/);
    expect(render('reminder', { now: new Date('2026-04-12T16:00:00Z') }).subject).toMatch(/\(2d 03h left\)$/);
    expect(render('reminder', { now: new Date('2026-04-14T18:59:30Z') }).subject).toMatch(/\(under 1m left\)$/);
  });

  it('after the deadline (a late job) says the window closed and carries no calendar', () => {
    const mail = render('reminder', { now: new Date('2026-04-14T19:00:01Z') });
    expect(mail.subject).toBe('Cancellation window closed: Velvet Orchard order VO-2026-11873');
    expect(mail.text).toContain('closed on Tue 14 Apr 2026, 21:00 CEST');
    expect(mail.calendar).toBeNull();
  });
});

describe('the calendar event a reminder carries', () => {
  const ics = () => render('reminder').calendar!;

  it('is one VEVENT at the deadline, in UTC, with a UID from the order id and an alarm 30 minutes before', () => {
    const { filename, content } = ics();
    expect(filename).toBe('cancel-by-VO-2026-11873.ics');
    const cal = new ICAL.Component(ICAL.parse(content));
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    const vevent = events[0]!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe('o1.cancel-by@orderwatch');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-04-14T19:00:00.000Z');
    expect(event.endDate.toJSDate().getTime()).toBeGreaterThan(event.startDate.toJSDate().getTime());
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.summary).toBe('Cancel deadline: Velvet Orchard order VO-2026-11873');
    expect(event.description).toContain(`Cancel here: ${CANCEL_URL}`);
    expect(vevent.getFirstPropertyValue('url')).toBe(CANCEL_URL);
    const alarm = vevent.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-PT30M');
    expect(unfold(content)).toContain('DTSTART:20260414T190000Z');
    expect(unfold(content)).toContain('DTSTAMP:20260414T165500Z');
  });

  it('the UID is the same for every reminder of the order, so a calendar updates one event', () => {
    const uid = (c: string) => unfold(c).find((l) => l.startsWith('UID:'));
    expect(uid(render('reminder', { now: new Date('2026-04-13T19:00:00Z') }).calendar!.content)).toBe(uid(ics().content));
  });

  it('has CRLF line ends only, no line over 75 octets, and folds without splitting a character', () => {
    const hostile = order({ merchant: { name: 'Café Ünïcödé Ström & Söhne; Großhandel, “Feinkost” ✓✓✓ 🍒🍒🍒', domain: 'cafe-unicode.example' } });
    const { content } = render('reminder', { order: hostile }).calendar!;
    expect(content.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(content.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = content.split('\r\n').slice(0, -1);
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true); // something was folded
    expect(content).not.toContain('\uFFFD');
    expect(Buffer.from(content, 'utf8').toString('utf8')).toBe(content);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(content)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Cancel deadline: Café Ünïcödé Ström & Söhne; Großhandel, “Feinkost” ✓✓✓ 🍒🍒🍒 order VO-2026-11873');
  });

  it('escapes text per RFC 5545: a shop name cannot add a property or end the event', () => {
    const name = 'Evil\\Shop; Inc, Ltd\r\nEND:VEVENT\nATTACH:http://evil.example/x';
    const { content } = render('reminder', { order: order({ merchant: { name, domain: 'evil.example' } }) }).calendar!;
    const lines = unfold(content);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('ATTACH'))).toBe(false);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(content)).getFirstSubcomponent('vevent')!);
    // The shop name is made one line for the mail; its backslash, semicolon and comma survive the round trip.
    expect(event.summary).toBe('Cancel deadline: Evil\\Shop; Inc, Ltd END:VEVENT ATTACH:http://evil.example/x order VO-2026-11873');
  });

  it('calendarFile, escapeText and foldLine on their own', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\tg\u0007')).toBe('a\\\\b\\;c\\,d\\ne\\nf\tg');
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(100)}`);
    const parts = folded.split('\r\n');
    // 12 + 31×2 octets (a 32nd é would make 76), then the space + 37×2, then the space + the last 32×2.
    expect(parts.map((l) => Buffer.byteLength(l))).toEqual([74, 75, 65]);
    expect(parts.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'é'.repeat(100)}`);
    expect(foldLine('SHORT:ok')).toBe('SHORT:ok');
    const event = deadlineEvent({ id: 'o/1 x', cancelUrl: null }, new Date('2026-01-01T00:00:00Z'), new Date('2025-12-31T00:00:00.123Z'), { summary: 's', description: 'd' });
    const text = calendarFile(event);
    expect(unfold(text)).toEqual(expect.arrayContaining(['UID:o_1_x.cancel-by@orderwatch', 'DTSTAMP:20251231T000000Z', 'DTEND:20260101T001500Z', 'TRIGGER;RELATED=START:-PT30M']));
    expect(() => calendarFile({ ...event, end: event.start })).toThrow(RangeError);
  });
});

describe('until_shipped_notice', () => {
  it('says the order can be cancelled until it ships, with the cancel link and how to reply', () => {
    const mail = render('until_shipped_notice', { order: order({ cancelBy: null, cancelUntilShipped: true }) });
    expect(mail.subject).toBe('Velvet Orchard order VO-2026-11873: you can cancel until it ships');
    expect(mail.text).toContain('can be cancelled until it ships');
    expect(mail.text).toContain('Cancel by: until it ships');
    expect(mail.text).toContain(CANCEL_URL);
    expect(mail.text).toContain('reply to this email with the word cancel (or keep to stop reminders)');
    expect(mail.html).toContain('until it ships');
  });
});

describe('cancel_request: the owner writes to the shop', () => {
  const mail = () => render('cancel_request', { progress: { ...PROGRESS, cancelAskedAt: '2026-04-14T17:09:00Z' } });

  it('goes to the shop\'s contact, answering its confirmation email, plain text, kept in Sent', () => {
    const m = mail();
    expect(m.subject).toBe('Cancellation request: order VO-2026-11873');
    expect(m.to).toEqual([SHOP_CONTACT]);
    expect(m.inReplyTo).toBe(CONFIRMATION_ID);
    expect(m.html).toBeNull();
    expect(m.keepInSent).toBe(true);
  });

  it('gives order number, order date, items, total and the owner\'s name, and asks for written confirmation', () => {
    const { text } = mail();
    expect(text).toMatch(/^Dear Velvet Orchard customer service,\n/);
    expect(text).toContain('Please cancel my order VO-2026-11873, placed on 14 Apr 2026.');
    expect(text).toContain('which ends Tue 14 Apr 2026, 21:00 CEST');
    expect(text).toContain('Order date: Tue 14 Apr 2026, 18:50 CEST');
    expect(text).toContain('  - 1 × Linen Throw, Sage, €89.00');
    expect(text).toContain('Total: €129.00');
    expect(text).toContain('Name: Robin Müller');
    expect(text).toContain('confirm the cancellation to me in writing');
    expect(text.trimEnd().endsWith('Kind regards,\nRobin Müller')).toBe(true);
  });

  it('sends nothing but the order\'s facts and the owner\'s name and address: no cancel link token, no orderwatch internals', () => {
    const { text } = mail();
    expect(text).not.toContain('token=');
    expect(text).not.toContain(CANCEL_URL);
    expect(text).not.toMatch(/orderwatch|contactTrusted|keep to stop/i);
  });

  it('signs with the address when the owner has no name, and claims no window that has closed', () => {
    const m = render('cancel_request', { owner: { name: null, address: OWNER.address }, now: new Date('2026-04-15T08:00:00Z') });
    expect(m.from).toEqual({ name: null, address: OWNER.address });
    expect(m.text).not.toContain('Name:');
    expect(m.text.trimEnd().endsWith(`Kind regards,\n${OWNER.address}`)).toBe(true);
    expect(m.text).not.toContain('cancellation window');
  });
});

describe('followup', () => {
  const withRequest = order({ state: 'followed_up', messages: [CONFIRMATION, REQUEST] });
  const over = (n?: number): Partial<TemplateContext> => ({
    order: withRequest,
    progress: { ...PROGRESS, cancelAskedAt: '2026-04-14T17:09:00Z', followups: 1 },
    requestMessageId: REQUEST_ID,
    thread: { inReplyTo: REQUEST_ID, references: [CONFIRMATION_ID, REQUEST_ID] },
    ...(n === undefined ? {} : { followupNumber: n }),
    now: new Date('2026-04-16T17:10:00Z'),
  });

  it('is the second request, in the request\'s thread, naming the date of the first', () => {
    const m = render('followup', over());
    expect(m.subject).toBe('Second request: please confirm cancellation of order VO-2026-11873');
    expect(m.to).toEqual([SHOP_CONTACT]);
    expect(m.inReplyTo).toBe(REQUEST_ID);
    expect(m.references).toEqual([CONFIRMATION_ID, REQUEST_ID]);
    expect(m.keepInSent).toBe(true);
    expect(m.html).toBeNull();
    expect(m.text).toContain('On Tue 14 Apr 2026, 19:10 CEST I asked you to cancel my order VO-2026-11873');
    expect(m.text).toContain('First request: Tue 14 Apr 2026, 19:10 CEST');
    expect(m.text).toContain('Name: Robin Müller');
  });

  it('counts: the second follow-up is the third request', () => {
    expect(render('followup', over(2)).subject).toBe('Third request: please confirm cancellation of order VO-2026-11873');
  });

  it('falls back to when the owner asked when the request is not on file', () => {
    const m = render('followup', { ...over(), order: order(), requestMessageId: null });
    expect(m.text).toContain('On Tue 14 Apr 2026, 19:09 CEST I asked you');
  });
});

describe('handover', () => {
  const messages = [
    CONFIRMATION,
    REQUEST,
    entry({ direction: 'out', date: '2026-04-16T17:10:00Z', subject: 'Second request: please confirm cancellation of order VO-2026-11873', messageId: '<f1@postbird.net>' }),
    entry({ direction: 'out', date: '2026-04-18T17:10:00Z', subject: 'Third request: please confirm cancellation of order VO-2026-11873', messageId: '<f2@postbird.net>' }),
  ];
  const mail = () => render('handover', {
    order: order({ state: 'confirmation_overdue', flags: ['manual_action', 'missing_cancellation_confirmation'], messages: [messages[2]!, messages[0]!, messages[3]!, messages[1]!] }),
    progress: { ...PROGRESS, cancelAskedAt: '2026-04-14T17:09:00Z', followups: 2 },
    requestMessageId: REQUEST_ID,
    now: new Date('2026-04-20T17:10:00Z'),
  });

  it('lists the whole correspondence, oldest first, dated in the owner\'s zone', () => {
    const { text, html } = mail();
    const lines = [
      'Tue 14 Apr 2026, 18:50 CEST · received · Your Velvet Orchard order VO-2026-11873',
      'Tue 14 Apr 2026, 19:10 CEST · sent · Cancellation request: order VO-2026-11873',
      'Thu 16 Apr 2026, 19:10 CEST · sent · Second request: please confirm cancellation of order VO-2026-11873',
      'Sat 18 Apr 2026, 19:10 CEST · sent · Third request: please confirm cancellation of order VO-2026-11873',
    ];
    expect(text).toContain(lines.map((l) => `  - ${l}`).join('\n'));
    for (const l of lines) expect(html).toContain(`<li>${l}</li>`);
  });

  it('says what happened, that it is flagged, and what to do next: call, refuse or return, chargeback', () => {
    const m = mail();
    expect(m.subject).toBe('Action needed: Velvet Orchard has not confirmed cancelling order VO-2026-11873');
    expect(m.to).toEqual([OWNER]);
    expect(m.keepInSent).toBe(false);
    expect(m.text).toContain('asked Velvet Orchard to cancel your order VO-2026-11873 on Tue 14 Apr 2026, 19:10 CEST and followed up twice');
    expect(m.text).toContain('flagged in your mailbox');
    expect(m.text).toMatch(/1\. Call Velvet Orchard's customer service/);
    expect(m.text).toContain('within the 30-day return window');
    expect(m.text).toContain('chargeback');
  });
});

describe('manual_cancel_notice: orderwatch did not write to the shop', () => {
  const asked = { ...PROGRESS, cancelAskedAt: '2026-04-14T16:55:00Z', contactTrusted: false };

  it('says why, with the cancel link, the deadline and what to do', () => {
    const m = render('manual_cancel_notice', { progress: asked });
    expect(m.subject).toBe('Cancel Velvet Orchard order VO-2026-11873 yourself: orderwatch did not write to the shop');
    expect(m.text).toContain('orderwatch did not write to Velvet Orchard');
    expect(m.text).toContain('could not be verified as sent by velvetorchard.com');
    expect(m.text).toContain('DKIM or DMARC');
    expect(m.text).toContain('Cancel it yourself before Tue 14 Apr 2026, 21:00 CEST (2h 05m left).');
    expect(m.text).toContain(CANCEL_URL);
    expect(m.html).toContain('<ol>');
  });

  it('names an address that is not on the shop\'s own domain', () => {
    const m = render('manual_cancel_notice', { progress: asked, order: order({ contactEmail: 'care@velvet-orchard-support.example' }) });
    expect(m.text).toContain('care@velvet-orchard-support.example, which is not on velvetorchard.com, the shop\'s own domain');
  });

  it('says when the shop gave no address at all, and prefers the caller\'s reason (trust.ts) when given', () => {
    expect(render('manual_cancel_notice', { progress: asked, order: order({ contactEmail: null }) }).text).toContain('give no customer-service address');
    expect(render('manual_cancel_notice', { progress: asked, trustReason: 'The email was verified only for sendgrid.net, not for velvetorchard.com.' }).text)
      .toContain('The email was verified only for sendgrid.net, not for velvetorchard.com.');
  });

  it('after the deadline says so and suggests asking anyway', () => {
    const m = render('manual_cancel_notice', { progress: asked, now: new Date('2026-04-15T09:00:00Z') });
    expect(m.text).toContain('The cancellation window closed on Tue 14 Apr 2026, 21:00 CEST. Ask anyway');
    expect(m.text).not.toContain('Cancel it yourself before');
  });
});

describe('cancelled, denied and missing-confirmation notices', () => {
  it('cancelled_notice: the shop confirmed, when, and reminders have stopped', () => {
    const confirmed = entry({ date: '2026-04-15T07:30:00Z', subject: 'Your order has been cancelled', kind: 'cancellation_confirmation' });
    const m = render('cancelled_notice', { order: order({ state: 'cancelled', messages: [CONFIRMATION, REQUEST, confirmed] }) });
    expect(m.subject).toBe('Cancelled: Velvet Orchard order VO-2026-11873');
    expect(m.text).toContain('Velvet Orchard confirmed that your order VO-2026-11873 is cancelled. Their confirmation came on Wed 15 Apr 2026, 09:30 CEST.');
    expect(m.text).toContain('stopped reminding you');
  });

  it('denied_notice: the shop refused; the return window in days when known', () => {
    const denied = entry({ date: '2026-04-15T07:30:00Z', subject: 'About your cancellation', kind: 'cancellation_denied' });
    const m = render('denied_notice', { order: order({ state: 'denied', messages: [CONFIRMATION, denied] }), progress: { ...PROGRESS, cancelAskedAt: '2026-04-14T17:09:00Z' } });
    expect(m.subject).toBe('Velvet Orchard declined to cancel order VO-2026-11873');
    expect(m.text).toContain('cannot be cancelled (their answer came on Wed 15 Apr 2026, 09:30 CEST)');
    expect(m.text).toContain("Velvet Orchard's return window is 30 days");
    expect(m.text).toContain('before the cancellation deadline of Tue 14 Apr 2026, 21:00 CEST');
  });

  it('denied_notice: the last day to return once delivered, or a pointer to the policy when the window is unknown', () => {
    const delivered = render('denied_notice', { order: order({ state: 'denied', deliveredAt: '2026-04-17T10:00:00Z', returnWindowDays: 14 }) });
    expect(delivered.text).toContain('delivered on 17 Apr 2026, so you can send it back until about 1 May 2026');
    const unknown = render('denied_notice', { order: order({ state: 'denied', returnWindowDays: null }) });
    expect(unknown.text).toContain('did not say how long you have to return the order');
  });

  it('missing_order_confirmation_notice: which notice came, with no link to follow', () => {
    const shipped = entry({ date: '2026-04-16T08:00:00Z', subject: 'Your order is on its way', kind: 'shipping_notification' });
    const m = render('missing_order_confirmation_notice', {
      order: order({ confirmed: false, state: 'shipped', flags: ['missing_order_confirmation'], trackingNumber: '1Z999AA10123456784', messages: [shipped] }),
    });
    expect(m.subject).toBe('Velvet Orchard order VO-2026-11873: a shipping notice, but no order confirmation');
    expect(m.text).toContain('A shipping notice from Velvet Orchard came for order VO-2026-11873 on Thu 16 Apr 2026, 10:00 CEST');
    expect(m.text).toContain('Tracking number: 1Z999AA10123456784');
    expect(m.text).toContain('Notice: Your order is on its way');
    expect(m.text).toContain('do not follow the links');
    expect(m.text).not.toContain(CANCEL_URL);
    expect(m.html).not.toContain('<a ');
    const delivered = entry({ date: '2026-04-17T08:00:00Z', subject: 'Delivered', kind: 'delivery_notification' });
    expect(render('missing_order_confirmation_notice', { order: order({ confirmed: false, messages: [shipped, delivered] }) }).subject).toContain('a delivery notice');
  });
});

describe('hostile content from emails', () => {
  const hostile = order({
    merchant: { name: '<script>alert("x")</script> & <b>Co</b>', domain: 'evil.example' },
    items: [{ name: '<img src=x onerror=alert(1)>', quantity: 1, price: 5 }],
    orderNumber: '<i>42</i>',
    messages: [CONFIRMATION, entry({ date: '2026-04-14T17:00:00Z', subject: '<iframe src="https://evil.example">', kind: 'shipping_notification' })],
  });
  const htmlKinds = ALL_KINDS.filter((k) => !['cancel_request', 'followup'].includes(k));

  it.each(htmlKinds)('%s: the HTML part escapes shop name, items, order number and subjects', (kind) => {
    const m = render(kind, { order: hostile, progress: { ...PROGRESS, followups: 2, cancelAskedAt: '2026-04-14T17:00:00Z' } });
    expect(m.html).not.toMatch(/<script|<img|<iframe|<b>Co|<i>42/i);
    expect(m.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;');
    expect(m.html).toContain('&lt;i&gt;42&lt;/i&gt;');
    // The text part shows the name as it is: text is not markup.
    expect(m.text).toContain('<script>alert("x")</script> & <b>Co</b>');
  });

  it('a line break in a shop name cannot add a header or a line to the subject', () => {
    const m = render('reminder', { order: order({ merchant: { name: 'Shop\r\nBcc: victim@example.net', domain: 'shop.example' } }) });
    expect(m.subject).toBe('Cancel by Tue 14 Apr 21:00 CEST? Shop Bcc: victim@example.net order VO-2026-11873 (2h 05m left)');
    expect(m.subject).not.toMatch(/[\r\n]/);
  });
});

describe('dates in the owner\'s time zone', () => {
  it('uses the zone\'s abbreviation where English has one, else its offset', () => {
    expect(render('reminder', { timeZone: 'America/Los_Angeles' }).subject).toBe('Cancel by Tue 14 Apr 12:00 PDT? Velvet Orchard order VO-2026-11873 (2h 05m left)');
    expect(render('reminder', { timeZone: 'Europe/London' }).text).toContain('Tue 14 Apr 2026, 20:00 BST');
    expect(render('reminder', { timeZone: 'Asia/Kolkata' }).text).toContain('Wed 15 Apr 2026, 00:30 GMT+5:30');
    expect(render('reminder', { timeZone: 'UTC' }).text).toContain('Tue 14 Apr 2026, 19:00 UTC');
  });

  it('in winter, the same zone shows CET', () => {
    const winter = order({ orderedAt: '2026-01-14T15:00:00Z', cancelBy: '2026-01-14T20:00:00Z' });
    const m = render('reminder', { order: winter, now: new Date('2026-01-14T17:55:00Z') });
    expect(m.subject).toBe('Cancel by Wed 14 Jan 21:00 CET? Velvet Orchard order VO-2026-11873 (2h 05m left)');
  });

  it('across the spring-forward night: wall clocks jump an hour, the time left does not', () => {
    // 00:30 CET on 29 March 2026; the deadline 03:30 CEST is two real hours later (02:00 -> 03:00).
    const dst = order({ orderedAt: '2026-03-28T23:00:00Z', cancelBy: '2026-03-29T01:30:00Z' });
    const m = render('reminder', { order: dst, now: new Date('2026-03-28T23:30:00Z') });
    expect(m.subject).toBe('Cancel by Sun 29 Mar 03:30 CEST? Velvet Orchard order VO-2026-11873 (2h 00m left)');
    expect(m.text).toContain('Order date: Sun 29 Mar 2026, 00:00 CET');
    expect(unfold(m.calendar!.content)).toContain('DTSTART:20260329T013000Z');
  });

  it('across the fall-back night in New York: EDT before, EST after', () => {
    const fall = order({ orderedAt: '2026-11-01T04:00:00Z', cancelBy: '2026-11-01T07:00:00Z' });
    const m = render('reminder', { order: fall, timeZone: 'America/New_York', now: new Date('2026-11-01T04:00:00Z') });
    expect(m.text).toContain('Order date: Sun 1 Nov 2026, 00:00 EDT');
    expect(m.text).toContain('Cancel by: Sun 1 Nov 2026, 02:00 EST');
    expect(m.text).toContain('Time left: 3h 00m');
  });

  it('time left reads 45m, 2h 05m, 3d 04h; none once passed', () => {
    const M = 60_000;
    expect([45 * M, 125 * M + 59_999, (3 * 24 * 60 + 4 * 60 + 59) * M, 30_000, 0, -M].map(formatTimeLeft)).toEqual(['45m', '2h 05m', '3d 04h', 'under 1m', 'none', 'none']);
  });
});
