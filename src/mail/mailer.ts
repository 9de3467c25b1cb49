// Outgoing mail, never twice and never lost. BullMQ runs a job again after a worker dies (measured:
// the same email delivered twice, same Message-ID, when a worker was killed right after the SMTP
// server accepted it), so every email is recorded around the SMTP call under its fixed Message-ID:
//   'sending' -> SMTP -> accepted (dated) -> copy to the Sent folder (keepInSent) -> 'sent'.
// A run that finds 'sent' does nothing; one that finds the message accepted only finishes the Sent
// copy; one that finds plain 'sending' (the outcome is unknown) looks for the Message-ID in the
// Sent folder before it sends again. A per-message lease keeps two live runs apart. What is left:
// a kill between the server's "250 accepted" and the Redis write that records it sends again.
import { mkdir } from 'node:fs/promises';
import { resolve as resolvePath, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTransport, type Transporter } from 'nodemailer';
import { OutgoingMail } from '../orders/outgoing.js';
import type { OutboxRecord, OutboxStore } from '../store/outbox-store.js';
import { composeMail } from './compose.js';
import { messageFileStem, writeFileAtomically, type SentFolder } from './sent-folder.js';

/** The subset of a pino logger this module uses. */
export interface MailLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

// ---------------------------------------------------------------------------------------------
// Errors

export interface SendErrorDetails {
  messageId: string;
  /** The SMTP reply code, when the server gave one. */
  responseCode?: number;
  /** The server's reply as it gave it. */
  response?: string;
  /** The SMTP command the server answered (RCPT TO, DATA, AUTH ...). */
  command?: string;
  /** nodemailer's or the socket's error code (ECONNECTION, EENVELOPE, EAUTH ...). */
  code?: string;
}

/** Sending failed; `PermanentSendError` or `TransientSendError` says whether trying again can help. */
export abstract class SendError extends Error {
  readonly messageId: string;
  readonly responseCode: number | undefined;
  readonly response: string | undefined;
  readonly command: string | undefined;
  readonly code: string | undefined;
  abstract readonly permanent: boolean;

  constructor(message: string, details: SendErrorDetails) {
    super(message);
    this.messageId = details.messageId;
    this.responseCode = details.responseCode;
    this.response = details.response;
    this.command = details.command;
    this.code = details.code;
  }
}

/** The server refused the message for good (SMTP 5xx): stop retrying (BullMQ's UnrecoverableError) and tell the owner. */
export class PermanentSendError extends SendError {
  override readonly name = 'PermanentSendError';
  readonly permanent = true;
}

/** Worth another attempt later, with backoff: SMTP 4xx, a connection problem, the Sent folder unreachable, another run busy with the same message. */
export class TransientSendError extends SendError {
  override readonly name = 'TransientSendError';
  readonly permanent = false;
}

/**
 * Whether an SMTP failure is permanent: a 5xx reply, except 503 (bad sequence of commands: the
 * session was in the wrong state, a new one can succeed); also a refusal with no reply that no
 * retry can change (no recipients, a malformed message). 4xx replies, 503 and every connection,
 * DNS, TLS or timeout failure are transient.
 */
export function isPermanentSmtpFailure(err: unknown): boolean {
  const e = (err ?? {}) as { responseCode?: unknown; code?: unknown };
  const reply = typeof e.responseCode === 'number' ? e.responseCode : null;
  if (reply !== null) return reply >= 500 && reply < 600 && reply !== 503;
  return e.code === 'EENVELOPE' || e.code === 'EMESSAGE' || e.code === 'EMAXRECIPIENTS';
}

/** First retry of a transient failure after this long. */
export const SEND_RETRY_BASE_MS = 30_000;
/** No retry waits longer than this. */
export const SEND_RETRY_MAX_MS = 60 * 60_000;

/**
 * The wait before retry number `attempt` (1 for the first retry) of a transiently failed send:
 * 30 s · 2^(attempt−1), capped at 1 h: 30 s, 1 min, 2 min ... 32 min, then 1 h. Greylisting
 * servers answer 4xx for the first few minutes, so the first retries come early and the later
 * ones spread out. An attempt below 1, fractional or NaN counts as the nearest sensible one.
 * Fits BullMQ's custom backoff: `backoffStrategy: (attemptsMade) => sendRetryDelay(attemptsMade)`.
 */
export function sendRetryDelay(attempt: number): number {
  const n = Number.isNaN(attempt) ? 1 : Math.max(1, Math.floor(attempt));
  return Math.min(SEND_RETRY_MAX_MS, SEND_RETRY_BASE_MS * 2 ** Math.min(n - 1, 20));
}

// ---------------------------------------------------------------------------------------------
// Transports

export interface Envelope {
  from: string;
  to: string[];
}

/** Hands a message over for delivery. */
export interface Transport {
  /** Names the transport for logs and errors; never a password. */
  readonly id: string;
  /** Resolves once the message is accepted; throws PermanentSendError or TransientSendError. */
  send(envelope: Envelope, raw: Buffer, messageId: string): Promise<void>;
  close(): Promise<void>;
}

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (smtps, port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
}

export interface SmtpTransportOptions extends SmtpSettings {
  logger?: MailLogger;
  /** Most parallel connections. Default 5 (nodemailer's). */
  maxConnections?: number;
  /** Connecting, waiting for the greeting. Default 30 s. */
  connectionTimeoutMs?: number;
  /** Silence on an open connection. Default 60 s. */
  socketTimeoutMs?: number;
}

/**
 * `smtp://user:pass@host[:port]` (STARTTLS when offered, port 587 by default) or
 * `smtps://user:pass@host[:port]` (TLS, port 465); user name and password URL-encoded, both
 * optional. Throws, naming the URL without its password, when it is malformed.
 */
export function smtpSettings(url: string): SmtpSettings {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`malformed SMTP URL ${redactSmtpUrl(url)} (characters such as @ : / in the password must be URL-encoded)`);
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error(`not an SMTP URL: ${redactSmtpUrl(url)} (smtp:// or smtps://)`);
  const secure = u.protocol === 'smtps:';
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new Error(`SMTP URL ${redactSmtpUrl(url)} names no host`);
  const decode = (part: string, what: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new Error(`malformed ${what} encoding in SMTP URL ${redactSmtpUrl(url)}`);
    }
  };
  const user = u.username ? decode(u.username, 'user name') : null;
  const password = u.password ? decode(u.password, 'password') : null;
  return { host, port: u.port ? Number(u.port) : secure ? 465 : 587, secure, user, password };
}

/** The URL with its password replaced by "***": safe for logs and errors. */
export function redactSmtpUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^@/?#]*@/i, '$1:***@');
}

/** SMTP through one pooled nodemailer transport (created on first use): connections are reused across messages. */
export class SmtpTransport implements Transport {
  readonly id: string;
  // #private: the password must not show in util.inspect or JSON of this object
  readonly #options: SmtpTransportOptions;
  #transporter: Transporter | null = null;

  constructor(options: SmtpTransportOptions) {
    this.#options = { ...options };
    this.id = `${options.secure ? 'smtps' : 'smtp'}://${options.user ? `${options.user}@` : ''}${options.host}:${options.port}`;
  }

  async send(envelope: Envelope, raw: Buffer, messageId: string): Promise<void> {
    let info: { rejected?: unknown[] };
    const to = { envelope: { from: envelope.from, to: [...envelope.to] } };
    try {
      info = (await this.transporter().sendMail({ ...to, raw })) as { rejected?: unknown[] };
    } catch (err) {
      const e = (err ?? {}) as { message?: string; responseCode?: number; response?: string; command?: string; code?: string };
      const details: SendErrorDetails = { messageId };
      if (typeof e.responseCode === 'number') details.responseCode = e.responseCode;
      if (e.response) details.response = this.scrub(String(e.response));
      if (e.command) details.command = this.scrub(String(e.command));
      if (e.code) details.code = String(e.code);
      const text = `${this.id}: ${this.scrub(e.message ?? String(err))}`;
      throw isPermanentSmtpFailure(err) ? new PermanentSendError(text, details) : new TransientSendError(text, details);
    }
    // some recipients refused, at least one accepted: the message is out (nodemailer throws when all are refused)
    if (info.rejected && info.rejected.length > 0) {
      this.#options.logger?.warn({ transport: this.id, messageId, rejected: info.rejected.map(String) }, 'some recipients were refused');
    }
  }

  async close(): Promise<void> {
    this.#transporter?.close();
    this.#transporter = null;
  }

  private transporter(): Transporter {
    if (this.#transporter) return this.#transporter;
    const o = this.#options;
    this.#transporter = createTransport({
      pool: true,
      host: o.host,
      port: o.port,
      secure: o.secure,
      ...(o.user ? { auth: { user: o.user, pass: o.password ?? '' } } : {}),
      maxConnections: o.maxConnections ?? 5,
      // a message whose connection closed mid-send is not sent again behind our back: the
      // failure comes back here, and the next run checks the Sent folder first
      maxRequeues: 0,
      connectionTimeout: o.connectionTimeoutMs ?? 30_000,
      greetingTimeout: o.connectionTimeoutMs ?? 30_000,
      socketTimeout: o.socketTimeoutMs ?? 60_000,
      logger: false,
      debug: false,
    });
    return this.#transporter;
  }

  private scrub(text: string): string {
    const password = this.#options.password;
    if (!password) return text;
    return text.split(password).join('***').split(encodeURIComponent(password)).join('***');
  }
}

/**
 * An outbox folder (the embedded default: nothing leaves the machine): each message becomes
 * `<stem>.eml` (messageFileStem of its Message-ID), written atomically, so sending the same
 * message again replaces the file with the same bytes.
 */
export class FolderTransport implements Transport {
  readonly id: string;

  constructor(readonly dir: string) {
    this.id = `outbox:${dir}`;
  }

  fileOf(messageId: string): string {
    return join(this.dir, `${messageFileStem(messageId)}.eml`);
  }

  async send(_envelope: Envelope, raw: Buffer, messageId: string): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomically(this.fileOf(messageId), raw);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      throw new TransientSendError(`${this.id}: could not write the message: ${e.message}`, { messageId, ...(e.code ? { code: e.code } : {}) });
    }
  }

  async close(): Promise<void> {}
}

/**
 * The transport a setting names: an `smtp://` or `smtps://` URL gives SMTP; a `file:` URL or any
 * other string is the path of an outbox folder. Nothing connects yet.
 */
export function openTransport(spec: string, options: { logger?: MailLogger; maxConnections?: number } = {}): Transport {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(spec)?.[1]?.toLowerCase();
  if (scheme === 'smtp' || scheme === 'smtps') {
    return new SmtpTransport({ ...smtpSettings(spec), ...(options.logger ? { logger: options.logger } : {}), ...(options.maxConnections ? { maxConnections: options.maxConnections } : {}) });
  }
  if (scheme && scheme !== 'file') throw new Error(`unsupported mail transport ${redactSmtpUrl(spec)}: use smtp://, smtps:// or a local path`);
  return new FolderTransport(resolvePath(scheme === 'file' ? fileURLToPath(spec) : spec));
}

// ---------------------------------------------------------------------------------------------
// Mailer

/**
 * Points in a send after which a crash leaves a different record behind (see
 * MailerOptions.checkpoint); 'recorded-accepted' and 'sent-copy-stored' come only for mail kept in Sent.
 */
export type SendStep = 'recorded-sending' | 'smtp-accepted' | 'recorded-accepted' | 'sent-copy-stored' | 'recorded-sent';

export interface MailerOptions {
  transport: Transport;
  outbox: OutboxStore;
  sentFolder: SentFolder;
  /** The clock: the Date header and the times recorded. Default: the system clock. */
  now?: () => Date;
  logger?: MailLogger;
  /** How long a run holds a message before another may take it over if it stops renewing. Default 30 s (renewed every third of it). */
  leaseMs?: number;
  /**
   * Called after each step of a send, in order. For tests and crash drills: an exception thrown
   * here leaves the records exactly as a kill at that point would (the lease aside, which a kill
   * leaves to expire) and comes out of send() unchanged.
   */
  checkpoint?: (step: SendStep, mail: OutgoingMail) => void | Promise<void>;
}

export type SendResult = 'sent' | 'already-sent';

const DEFAULT_LEASE_MS = 30_000;

export class Mailer {
  readonly #transport: Transport;
  readonly #outbox: OutboxStore;
  readonly #sent: SentFolder;
  readonly #now: () => Date;
  readonly #logger: MailLogger | undefined;
  readonly #leaseMs: number;
  readonly #checkpoint: MailerOptions['checkpoint'];

  constructor(options: MailerOptions) {
    this.#transport = options.transport;
    this.#outbox = options.outbox;
    this.#sent = options.sentFolder;
    this.#now = options.now ?? (() => new Date());
    this.#logger = options.logger;
    this.#leaseMs = Math.max(1_000, options.leaseMs ?? DEFAULT_LEASE_MS);
    this.#checkpoint = options.checkpoint;
  }

  /**
   * Sends `mail` unless it already went out: 'sent' when this call delivered it, 'already-sent'
   * when an earlier run did (this call may have completed its Sent copy). Throws
   * PermanentSendError (recorded as 'failed') when the server refuses it for good, and
   * TransientSendError when trying again later can help; nothing is delivered twice by a retry.
   */
  async send(input: OutgoingMail): Promise<SendResult> {
    const parsed = OutgoingMail.safeParse(input);
    if (!parsed.success) {
      const messageId = typeof input?.messageId === 'string' ? input.messageId : '';
      throw new PermanentSendError(`not a valid outgoing mail: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { messageId });
    }
    const mail = parsed.data;
    const begun = await this.#outbox.beginSending(mail, this.#leaseMs, this.#now());
    if (!begun) throw new TransientSendError(`${mail.messageId}: another run is sending this message`, { messageId: mail.messageId });
    const { lease, previous } = begun;
    let leaseLost = false;
    let released = false;
    const renew = setInterval(() => {
      this.#outbox.renewLease(mail.messageId, lease, this.#leaseMs).then(
        (held) => {
          if (!held) leaseLost = true;
        },
        () => undefined, // Redis away: the next renewal tries again, the lease may lapse meanwhile
      );
    }, Math.floor(this.#leaseMs / 3));
    renew.unref();
    try {
      return await this.sendHoldingLease(mail, previous, {
        lost: () => leaseLost,
        // The last record and the lease's release go to Redis together.
        finish: async (acceptedAt) => {
          await this.#outbox.finishSent(mail, lease, acceptedAt, this.#now());
          released = true;
        },
      });
    } finally {
      clearInterval(renew);
      if (!released) await this.#outbox.releaseLease(mail.messageId, lease).catch(() => undefined);
    }
  }

  /** Closes the transport and the Sent folder given to this mailer. */
  async close(): Promise<void> {
    await Promise.allSettled([this.#transport.close(), this.#sent.close()]);
  }

  /** `previous`: what was recorded before this run marked the message 'sending'. */
  private async sendHoldingLease(mail: OutgoingMail, previous: OutboxRecord | null, lease: { lost: () => boolean; finish: (acceptedAt: Date | null) => Promise<void> }): Promise<SendResult> {
    const log = { messageId: mail.messageId, orderId: mail.orderId, kind: mail.kind };
    if (previous?.state === 'sent') {
      this.#logger?.debug(log, 'already sent');
      return 'already-sent';
    }
    if (previous?.acceptedAt) {
      // delivered by an earlier run that stopped before its Sent copy was recorded
      await this.keepCopy(mail, await composeMail(mail, new Date(previous.acceptedAt)));
      await lease.finish(null);
      this.#logger?.info(log, 'sent by an earlier run; Sent copy completed');
      return 'already-sent';
    }
    if (previous?.state === 'sending' && (await this.inSentFolder(mail))) {
      await lease.finish(null);
      this.#logger?.info(log, 'found in the Sent folder: not sent again');
      return 'already-sent';
    }
    await this.#checkpoint?.('recorded-sending', mail);

    const date = this.#now();
    // Built to bytes first: handed over whole, the message goes to the socket in one write rather
    // than in the hundreds of small pieces nodemailer streams while it builds (measured: the
    // reminders burst drained ~40% faster this way). The same bytes are the Sent copy.
    const raw = await composeMail(mail, date);
    if (lease.lost()) throw new TransientSendError(`${mail.messageId}: lease lost before sending (another run may have it)`, { messageId: mail.messageId });
    const envelope = { from: mail.from.address, to: mail.to.map((a) => a.address) };
    try {
      await this.#transport.send(envelope, raw, mail.messageId);
    } catch (err) {
      if (err instanceof PermanentSendError) {
        await this.#outbox.markFailed(mail, err.message, this.#now());
        this.#logger?.warn({ ...log, transport: this.#transport.id, responseCode: err.responseCode, err: err.message }, 'refused for good');
      } else {
        this.#logger?.warn({ ...log, transport: this.#transport.id, err: err instanceof Error ? err.message : String(err) }, 'not sent, will retry');
      }
      if (err instanceof SendError) throw err;
      throw new TransientSendError(`${this.#transport.id}: ${err instanceof Error ? err.message : String(err)}`, { messageId: mail.messageId });
    }
    await this.#checkpoint?.('smtp-accepted', mail);
    if (mail.keepInSent) {
      // Kept in Sent. The acceptance is on record before the copy is made: a crash in between only redoes the copy.
      await this.#outbox.markAccepted(mail, date, this.#now());
      await this.#checkpoint?.('recorded-accepted', mail);
      await this.keepCopy(mail, raw);
    }
    await lease.finish(date);
    await this.#checkpoint?.('recorded-sent', mail);
    this.#logger?.info({ ...log, transport: this.#transport.id }, 'sent');
    return 'sent';
  }

  /** Stores the Sent copy when the mail asks for one and it is not there yet (a server may file sent mail itself). */
  private async keepCopy(mail: OutgoingMail, raw: Buffer): Promise<void> {
    if (!mail.keepInSent) return;
    if (!(await this.inSentFolder(mail))) {
      try {
        await this.#sent.append(raw, ['\\Seen']);
      } catch (err) {
        throw new TransientSendError(`${this.#sent.id}: sent, but the copy to the Sent folder failed: ${err instanceof Error ? err.message : String(err)}`, { messageId: mail.messageId });
      }
    }
    await this.#checkpoint?.('sent-copy-stored', mail);
  }

  private async inSentFolder(mail: OutgoingMail): Promise<boolean> {
    try {
      return await this.#sent.has(mail.messageId);
    } catch (err) {
      throw new TransientSendError(`${this.#sent.id}: could not look for the message in the Sent folder: ${err instanceof Error ? err.message : String(err)}`, { messageId: mail.messageId });
    }
  }
}
