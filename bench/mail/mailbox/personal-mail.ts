// Mail from friends and family: plain text or Gmail-style HTML, replies quoting the owner,
// sometimes a photo or a PDF attached.
import { escapeHtml } from '../escape-html.js';
import { displayAddress, messageId, rfc2822Date, subjectHeader } from '../headers.js';
import { attachment, htmlLeaf, message, textLeaf, type MimeNode } from '../mime.js';
import { drawSize, type Rng } from '../rng.js';
import { ip, trace } from './fastmail-trace.js';
import { OWNER, person } from './people.js';
import { sentences } from './sentences.js';

const PERSONAL_SUBJECTS = [
  'Saturday?', 'Photos from the weekend', 'Quick question', 'Lunch next week', 'Happy birthday!!', 'Recipe you asked for', 'Flights in August',
  'Catch-up call?', 'Moving day plan', 'Kitchen renovation quotes', 'Notes from Tuesday', 'Book club - next pick', 'Hiking trip', 'That article I mentioned',
  'Can you return my ladder this week?', 'Selling my old bike', 'Christmas plans', 'Wedding - save the date', 'Dinner at ours?', 'Did you get home ok?',
  'Babysitting Friday', 'Garden stuff', 'The cabin', 'Car insurance question', 'Present for Mum', 'Help with my CV?', 'New flat!', 'Concert tickets',
  'Treffen am Wochenende?', 'Fotos vom Urlaub', 'Dîner samedi ?', 'Photos des vacances', 'Cena el viernes', 'Foto delle vacanze', 'Etentje zaterdag?',
];

export function personalMail(rng: Rng, ms: number): Buffer {
  const from = person(rng);
  const domain = from.address.split('@')[1]!;
  const lang = rng.chance(0.82) ? 'en' : rng.pick(['de', 'fr', 'es', 'it', 'nl'] as const);
  const base = rng.pick(PERSONAL_SUBJECTS);
  const reply = rng.chance(0.35);
  const forward = !reply && rng.chance(0.06);
  const subject = reply ? `${rng.chance(0.15) ? 'Re: Re: ' : 'Re: '}${base}` : forward ? `Fwd: ${base}` : base;
  const target = drawSize(rng, 3_500, 0.7, 600, 20_000);
  const paragraphs: string[] = [`Hi ${OWNER.name.split(' ')[0]},`];
  let size = 0;
  while (size < target) {
    const p = sentences(rng, lang, 2, 6);
    paragraphs.push(p);
    size += p.length + 2;
  }
  paragraphs.push(rng.pick(['Cheers,', 'Best,', 'Love,', 'Talk soon,', 'x']), from.name.split(' ')[0]!);
  let text = paragraphs.join('\n\n');
  if (reply) {
    const quoted = Array.from({ length: rng.int(3, 30) }, () => `> ${sentences(rng, lang, 1, 2)}`).join('\n');
    text += `\n\nOn ${rfc2822Date(ms - rng.int(1, 72) * 3_600_000, 0)}, ${OWNER.name} <${OWNER.address}> wrote:\n${quoted}\n`;
  }
  const gmail = domain === 'gmail.com';
  const html = gmail || rng.chance(0.35);
  let root: MimeNode = html
    ? { type: 'multipart/alternative', boundary: `000000000000${rng.hex(12)}`, parts: [textLeaf(text), htmlLeaf(`<div dir="ltr">${text.split('\n\n').map((p) => `<div>${escapeHtml(p).replace(/\n/g, '<br>')}</div><div><br></div>`).join('')}</div>`)] }
    : textLeaf(text, 'text/plain; charset=utf-8; format=flowed');
  if (rng.chance(0.14)) {
    const photo = rng.chance(0.7);
    const bytes = Buffer.from(rng.b64(rng.int(14_000, 44_000)), 'base64');
    root = { type: 'multipart/mixed', boundary: `000000000000${rng.hex(12)}`, parts: [root, photo ? attachment('image/jpeg', `IMG_${rng.int(1000, 9999)}.jpg`, bytes) : attachment('application/pdf', 'notes.pdf', bytes)] };
  }
  const id = messageId(rng, gmail ? 'mail.gmail.com' : domain);
  const parent = reply ? messageId(rng, 'fastmail.com') : null;
  return message(
    trace(rng, ms, gmail ? `mail-${rng.pick(['ej1', 'wm1', 'lf1', 'pj1'])}-f${rng.int(41, 199)}.google.com` : `mout.${domain}`, ip(rng), from.address, [gmail ? 'gmail.com' : domain]),
    [
      ['From', displayAddress(from.name, from.address)],
      ['Date', rfc2822Date(ms, rng.pick([0, 60, 120, -300]))],
      ['Message-ID', id],
      ['Subject', subjectHeader(subject)],
      ['To', displayAddress(OWNER.name, OWNER.address)],
      ['In-Reply-To', parent],
      ['References', parent],
      ['X-Mailer', gmail ? null : rng.pick(['Apple Mail (2.3774.500.171.1.1)', 'Microsoft Outlook 16.0', null])],
    ],
    root,
  );
}
