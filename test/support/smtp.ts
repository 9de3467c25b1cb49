// An SMTP server in the test process (the smtp-server package) on a free loopback port: accepts any
// sender, with or without AUTH, and records every accepted message so tests can read what was sent.
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer } from 'smtp-server';
import { LOOPBACK } from './ports.js';

export interface RecordedMessage {
  envelope: { mailFrom: string | null; rcptTo: string[] };
  /** The message exactly as received (dot-unstuffed), headers and body. */
  raw: Buffer;
  /** The Message-ID header as written, angle brackets included; null when absent. */
  messageId: string | null;
  /** The user name given with AUTH, null for an unauthenticated session. */
  user: string | null;
  receivedAt: Date;
}

/** An SMTP answer to give instead of accepting: 4xx is temporary, 5xx permanent. */
export interface SmtpReply {
  code: number;
  message: string;
}

export interface SmtpServerOptions {
  /** Called for every message before it is recorded: return a reply to reject it instead. */
  respond?: (message: RecordedMessage) => SmtpReply | undefined;
}

export interface TestSmtpServer {
  readonly host: string;
  readonly port: number;
  /** Accepted messages, in the order they were accepted. */
  readonly messages: readonly RecordedMessage[];
  /** Options for nodemailer's createTransport: plain SMTP to this server. */
  transportOptions(): { host: string; port: number; secure: false; ignoreTLS: true };
  /** Resolves once at least `count` messages were accepted; rejects after `timeoutMs`. */
  waitForMessages(count: number, timeoutMs?: number): Promise<readonly RecordedMessage[]>;
  /** Closes the server; connections still open are cut after a second. Safe to call twice. */
  stop(): Promise<void>;
}

const CLOSE_TIMEOUT_MS = 1_000;

export function messageIdOf(raw: Buffer): string | null {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const header = (end >= 0 ? text.slice(0, end) : text).replace(/\r?\n[ \t]+/g, ' ');
  const match = /^message-id:[ \t]*(.*?)[ \t]*$/im.exec(header);
  return match?.[1] ? match[1] : null;
}

export async function startSmtpServer(opts: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: RecordedMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    // plain SMTP only: no certificate to trust, nothing for a client to upgrade to
    disabledCommands: ['STARTTLS'],
    // the machine has no DNS to ask about 127.0.0.1
    disableReverseLookup: true,
    logger: false,
    closeTimeout: CLOSE_TIMEOUT_MS,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('error', (err: Error) => callback(err));
      stream.once('end', () => {
        const raw = Buffer.concat(chunks);
        const { mailFrom, rcptTo } = session.envelope;
        const message: RecordedMessage = {
          envelope: { mailFrom: mailFrom ? mailFrom.address : null, rcptTo: rcptTo.map((r) => r.address) },
          raw,
          messageId: messageIdOf(raw),
          user: typeof session.user === 'string' ? session.user : null,
          receivedAt: new Date(),
        };
        const reply = opts.respond?.(message);
        if (reply) {
          const err = Object.assign(new Error(reply.message), { responseCode: reply.code });
          callback(err);
          return;
        }
        messages.push(message);
        callback(null, `Message queued as ${messages.length}`);
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;

  let stopping: Promise<void> | undefined;
  return {
    host: LOOPBACK,
    port,
    messages,
    transportOptions: () => ({ host: LOOPBACK, port, secure: false, ignoreTLS: true }),
    async waitForMessages(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`smtp: ${messages.length} of ${count} messages after ${timeoutMs} ms`);
        await sleep(20);
      }
      return messages;
    },
    stop() {
      stopping ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return stopping;
    },
  };
}
