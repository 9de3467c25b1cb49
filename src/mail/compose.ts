// The bytes of an outgoing email: what goes to SMTP and, byte for byte, what is copied to the
// owner's Sent folder. Pure apart from the clock the caller passes in: the same mail and `now`
// give the same bytes, boundaries included (they are derived from the mail itself), so a copy
// stored after a crash is the very message that was delivered.
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailComposerOptions } from 'nodemailer';
import type { Address, OutgoingMail } from '../orders/outgoing.js';

/** The raw RFC 5322 message (CRLF line ends) for `mail`, dated `now`. */
export async function composeMail(mail: OutgoingMail, now: Date): Promise<Buffer> {
  return buildMessage(composerOptions(mail, now));
}

/** The bytes nodemailer builds from `options`. */
export async function buildMessage(options: MailComposerOptions): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

/**
 * What nodemailer is given to build `mail`: composeMail's bytes are MailComposer's output for
 * these options, and so are those of a transport's sendMail() handed the same options.
 */
export function composerOptions(mail: OutgoingMail, now: Date): MailComposerOptions {
  if (!Number.isFinite(now.getTime())) throw new RangeError(`composeMail ${mail.messageId}: invalid date`);
  const options: MailComposerOptions = {
    from: address(mail.from),
    to: mail.to.map(address),
    subject: mail.subject,
    messageId: mail.messageId,
    date: now,
    text: mail.text,
    // Boundaries from a hash of the whole mail: deterministic, and a text cannot contain a hash
    // of itself, so a boundary never occurs inside a part.
    baseBoundary: createHash('sha256').update(JSON.stringify(mail)).digest('hex').slice(0, 24),
    boundaryPrefix: '--_ow',
    newline: 'win',
    // Everything here is content, never a file to read or a URL to fetch.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  if (mail.replyTo) options.replyTo = address(mail.replyTo);
  if (mail.html !== null) options.html = mail.html;
  if (mail.inReplyTo) options.inReplyTo = mail.inReplyTo;
  if (mail.references.length > 0) options.references = mail.references;
  if (mail.calendar) {
    options.attachments = [
      {
        filename: mail.calendar.filename,
        content: mail.calendar.content,
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        contentDisposition: 'attachment',
      },
    ];
  }
  return options;
}

function address(a: Address): { name: string; address: string } {
  return { name: a.name ?? '', address: a.address };
}
