// What the pure core sees of an email: decoded headers and bodies, no streams, no parser types.
// Kept apart from the parser so src/extract depends on this shape only.

export interface MailAddress {
  name: string | null;
  /** Lower-case. */
  address: string;
}

export interface AttachmentInfo {
  filename: string | null;
  contentType: string;
  size: number;
}

export interface ParsedMessage {
  from: MailAddress | null;
  replyTo: MailAddress[];
  to: MailAddress[];
  subject: string;
  /** The Date header exactly as written, so its offset survives (a Date object would lose it). */
  dateHeader: string | null;
  messageId: string | null;
  /** Every value of a header, unfolded, in message order (e.g. Authentication-Results). */
  header(name: string): string[];
  /** Decoded plain-text body, if the message has one. */
  text: string | null;
  /** Decoded HTML body, if the message has one. */
  html: string | null;
  attachments: AttachmentInfo[];
  /** message/rfc822 parts, parsed in turn: a forward "as attachment" carries the order here. */
  attachedMessages: ParsedMessage[];
  /** Size of the raw message in bytes. */
  bytes: number;
}
