// Automatic notifications: GitHub, banks, calendar invitations (with a text/calendar part),
// account and social-network mail.
import { escapeHtml } from '../escape-html.js';
import { displayAddress, messageId, rfc2822Date, subjectHeader } from '../headers.js';
import { htmlLeaf, message, textLeaf, type MimeNode, type Multi } from '../mime.js';
import { drawSize, type Rng } from '../rng.js';
import { ip, trace } from './fastmail-trace.js';
import { FIRST, OWNER, person } from './people.js';
import { sentences } from './sentences.js';

export function notificationMail(rng: Rng, ms: number): Buffer {
  const u = rng.next();
  let fromName: string;
  let fromAddress: string;
  let subject: string;
  let domain: string;
  let extra: [string, string | null][] = [];
  let calendar = false;
  if (u < 0.2) {
    const repo = `${rng.pick(['acme', 'openfoo', 'rkeller', 'datatools'])}/${rng.pick(['api', 'website', 'cli', 'infra', 'parser'])}`;
    const title = rng.pick(['Fix crash on empty input', 'Bump dependencies', 'Add retry with backoff', 'Docs: clarify install steps', 'Flaky test in CI', 'Support Node 22']);
    const n = rng.int(12, 4800);
    const re = rng.chance(0.6);
    fromName = rng.pick(FIRST);
    fromAddress = 'notifications@github.com';
    domain = 'github.com';
    subject = `${re ? 'Re: ' : ''}[${repo}] ${title} (${rng.chance(0.5) ? 'PR' : 'Issue'} #${n})`;
    extra = [['List-ID', `${repo} <${repo.split('/').reverse().join('.')}.github.com>`], ['In-Reply-To', re ? `<${repo}/pull/${n}@github.com>` : null], ['X-GitHub-Reason', rng.pick(['mention', 'review_requested', 'author', 'subscribed'])]];
  } else if (u < 0.45) {
    const bank = rng.pick([{ n: 'Northbank', d: 'northbank.com' }, { n: 'Sparkasse', d: 'sparkasse.de' }, { n: 'Monzo', d: 'monzo.com' }]);
    fromName = bank.n;
    fromAddress = `no-reply@${bank.d}`;
    domain = bank.d;
    subject = rng.pick(['Your monthly statement is ready', 'Payment received - thank you', 'A new device signed in to your account', 'Your card will expire soon', `${bank.n}: your savings goal is reached`]);
  } else if (u < 0.6) {
    calendar = true;
    fromName = person(rng).name;
    fromAddress = 'calendar-notification@google.com';
    domain = 'google.com';
    subject = `${rng.pick(['Invitation', 'Updated invitation', 'Accepted'])}: ${rng.pick(['Team sync', '1:1', 'Dentist', 'Quarterly planning', 'Book club'])} @ ${rfc2822Date(ms + rng.int(1, 20) * 86_400_000, 0).slice(0, 16)}`;
  } else if (u < 0.8) {
    const svc = rng.pick([{ n: 'Dropbox', d: 'dropbox.com' }, { n: 'Spotify', d: 'spotify.com' }, { n: 'LinkedIn', d: 'linkedin.com' }, { n: 'Strava', d: 'strava.com' }, { n: 'Duolingo', d: 'duolingo.com' }]);
    fromName = svc.n;
    fromAddress = `no-reply@${svc.d}`;
    domain = svc.d;
    subject = rng.pick([`New sign-in to your ${svc.n} account`, 'Confirm your email address', 'Your password was changed', `Your ${svc.n} verification code is ${rng.int(100000, 999999)}`, `You have ${rng.int(2, 30)} new notifications`, `${rng.pick(FIRST)} mentioned you in a comment`, `Your weekly ${svc.n} summary`]);
  } else {
    const soc = rng.pick([{ n: 'Nextdoor', d: 'nextdoor.com' }, { n: 'Meetup', d: 'meetup.com' }, { n: 'Eventbrite', d: 'eventbrite.com' }]);
    fromName = soc.n;
    fromAddress = `notify@${soc.d}`;
    domain = soc.d;
    subject = rng.pick([`${rng.pick(FIRST)} and ${rng.int(2, 40)} others replied`, 'Events near you this weekend', 'Trending in your neighbourhood', `Reminder: ${rng.pick(['Pub quiz', 'Run club', 'Photo walk'])} tomorrow`]);
  }
  const target = drawSize(rng, 9_000, 0.55, 3_000, 40_000);
  let html = `<html><body style="font-family:Arial,sans-serif;background:#f6f8fa"><table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center"><table width="560" style="background:#fff;border:1px solid #e1e4e8;border-radius:6px">`;
  let text = `${subject}\n\n`;
  while (html.length * 1.05 + text.length < target) {
    const p = sentences(rng, 'en', 1, 4);
    const href = `https://${domain}/notifications/${rng.hex(24)}?utm_source=email&utm_medium=notification&token=${rng.b64(60, true)}`;
    html += `<tr><td style="padding:12px 16px;font-size:14px;color:#24292e">${escapeHtml(p)} <a href="${href}" style="color:#0366d6">View</a></td></tr>`;
    text += `${p}\n${href}\n\n`;
  }
  html += `<tr><td style="padding:12px 16px;font-size:12px;color:#6a737d">You are receiving this because of your notification settings. <a href="https://${domain}/settings/notifications">Manage notifications</a></td></tr></table></td></tr></table></body></html>`;
  const alt: Multi = { type: 'multipart/alternative', boundary: `--==_mimepart_${rng.hex(13)}_${rng.hex(5)}`, parts: [textLeaf(text), htmlLeaf(html)] };
  const root: MimeNode = calendar
    ? { type: 'multipart/mixed', boundary: `000000000000${rng.hex(12)}`, parts: [alt, { type: 'text/calendar; charset="UTF-8"; method=REQUEST', encoding: '7bit', body: `BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nDTSTART:20260514T080000Z\r\nDTEND:20260514T083000Z\r\nUID:${rng.hex(26)}@google.com\r\nSUMMARY:${subject.replace(/[,;]/g, ' ')}\r\nEND:VEVENT\r\nEND:VCALENDAR` }] }
    : alt;
  return message(
    trace(rng, ms, `out-${rng.int(1, 30)}.smtp.${domain}`, ip(rng), `bounces@${domain}`, [domain]),
    [
      ['From', displayAddress(fromName, fromAddress)],
      ['To', OWNER.address],
      ['Date', rfc2822Date(ms, 0)],
      ['Message-ID', messageId(rng, domain)],
      ['Subject', subjectHeader(subject)],
      ...extra,
      ['Auto-Submitted', rng.chance(0.4) ? 'auto-generated' : null],
    ],
    root,
  );
}
