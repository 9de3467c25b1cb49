// The one place that reads the environment. Every setting is validated here, once, with its
// default documented beside it; a missing or wrong setting stops start-up with one line that
// names it. The mailbox and SMTP URLs carry passwords: they are kept out of everything printable.
import { resolve } from 'node:path';
import { z } from 'zod';

/** The sample mailbox shipped with orderwatch: what `orderwatch run` reads when nothing is configured. */
export const EMBEDDED_MAILBOX = 'fixtures/corpus';

const DURATION = /^(\d+)\s*(s|m|h|d)$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "30s", "45m", "2h", "3d" -> milliseconds. */
export function parseDuration(text: string): number | null {
  const m = DURATION.exec(text.trim());
  return m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : null;
}

const duration = z.string().refine((s) => parseDuration(s) !== null, 'a duration like 30s, 45m, 2h or 3d').transform((s) => parseDuration(s)!);

const mailboxUrl = z.string().min(1).refine(
  (s) => !/^imaps?:/i.test(s) || isUsableImapUrl(s),
  'imap://user:password@host:port or imaps://..., with the password URL-encoded, or a local path',
);

function isUsableImapUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.hostname !== '' && u.username !== '' && u.password !== '';
  } catch {
    return false;
  }
}

const Env = z.object({
  /** The mailbox: imap(s):// URL, or a local folder of .eml files, a Maildir or an mbox. Default: the shipped sample mailbox. */
  ORDERWATCH_IMAP: mailboxUrl.optional(),
  /** Comma-separated folders to watch. */
  ORDERWATCH_FOLDERS: z.string().default('INBOX').transform((s) => s.split(',').map((f) => f.trim()).filter(Boolean)).pipe(z.array(z.string()).min(1, 'at least one folder')),
  /** How far back the first scan reaches, in days. */
  ORDERWATCH_BACKFILL_DAYS: z.coerce.number().int('a whole number of days').min(0).max(36500).default(90),
  /** Redis; when unset and nothing answers there, `orderwatch run` starts a private redis-server. */
  REDIS_URL: z.string().url('a redis:// URL').refine((s) => /^rediss?:\/\//.test(s), 'a redis:// or rediss:// URL').optional(),
  /** Prefix of every Redis key and queue, so several installs can share one Redis. */
  ORDERWATCH_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'letters, digits, _ . - (no colon), at most 40').default('orderwatch'),
  /** Where local state lives: the private Redis's data, local mailbox UIDs, the local outbox. */
  ORDERWATCH_STATE_DIR: z.string().min(1).default('.state'),
  /** Messages larger than this (MB) are set aside, not downloaded. */
  ORDERWATCH_MAX_MESSAGE_MB: z.coerce.number().positive().max(1024).default(25),
  /** How often folders are re-checked when IDLE says nothing (IDLE can go quiet without an error). */
  ORDERWATCH_POLL: duration.default(60_000),
  /** Parallel ingest jobs per worker. */
  ORDERWATCH_INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Outgoing mail: smtp(s):// URL, or a local folder outbox (one .eml per message). Default: <state dir>/outbox. */
  ORDERWATCH_SMTP: mailboxUrl.optional(),
  /** Parallel connections to the SMTP server (a burst of reminders is spread over them). */
  ORDERWATCH_SMTP_CONNECTIONS: z.coerce.number().int('a whole number').min(1).max(20).default(5),
  /** The owner's address: reminders go to it; cancellation requests go out from it. Default: the IMAP login when it is an address. */
  ORDERWATCH_OWNER: z.string().email('an email address').optional(),
  /** The name signed under a cancellation request. */
  ORDERWATCH_OWNER_NAME: z.string().min(1).optional(),
  /** The owner's time zone for dates in notices. Default: the system's. */
  ORDERWATCH_TZ: z.string().refine(validTimeZone, 'an IANA time zone like Europe/Berlin').optional(),
  /** Reminder offsets before a deadline. */
  ORDERWATCH_REMIND: z.string().default('24h,2h,30m').transform((s) => s.split(',').map((d) => parseDuration(d))).pipe(z.array(z.number().positive('durations like 24h,2h,30m')).min(1)),
  /** How long to wait for the store's confirmation before flagging. */
  ORDERWATCH_CONFIRM_WITHIN: duration.default(48 * 3_600_000),
  /** Follow-ups sent to the store before handing over to the owner. */
  ORDERWATCH_MAX_FOLLOWUPS: z.coerce.number().int().min(0).max(10).default(2),
  /** The authserv-id of the owner's own mail server: only its Authentication-Results are believed. */
  ORDERWATCH_AUTHSERV_ID: z.string().min(1).optional(),
  /** Optional file of known merchants: domain, customer-service address, cancellation policy. */
  ORDERWATCH_MERCHANTS: z.string().min(1).optional(),
  /** pino level. */
  ORDERWATCH_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  mailbox: {
    /** Secret: may hold a password. Use `label` for anything printed. */
    spec: string;
    label: string;
    /** Names the account in keys, job ids and logs: user@host, or local-<folder name>. */
    account: string;
    embedded: boolean;
  };
  folders: string[];
  backfillDays: number;
  redis: { url: string; explicit: boolean };
  prefix: string;
  stateDir: string;
  maxMessageBytes: number;
  pollMs: number;
  ingestConcurrency: number;
  logLevel: z.infer<typeof Env>['ORDERWATCH_LOG_LEVEL'];
  smtp: { spec: string; label: string; connections: number };
  owner: { address: string; name: string | null };
  timeZone: string;
  remindOffsetsMs: number[];
  confirmWithinMs: number;
  maxFollowups: number;
  authservId: string | null;
  merchantsFile: string | null;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates the configuration; throws ConfigError with one line naming the setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in Env.shape && v !== undefined && v !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'configuration');
    // Never echo the value: it may be a password.
    throw new ConfigError(`${name}: ${issue.message}`);
  }
  const e = parsed.data;
  const spec = e.ORDERWATCH_IMAP ?? EMBEDDED_MAILBOX;
  return {
    mailbox: { spec, label: redactUrl(spec), account: accountId(spec), embedded: e.ORDERWATCH_IMAP === undefined },
    folders: e.ORDERWATCH_FOLDERS,
    backfillDays: e.ORDERWATCH_BACKFILL_DAYS,
    redis: { url: e.REDIS_URL ?? 'redis://127.0.0.1:6379', explicit: e.REDIS_URL !== undefined },
    prefix: e.ORDERWATCH_PREFIX,
    stateDir: resolve(e.ORDERWATCH_STATE_DIR),
    maxMessageBytes: Math.round(e.ORDERWATCH_MAX_MESSAGE_MB * 1024 * 1024),
    pollMs: e.ORDERWATCH_POLL,
    ingestConcurrency: e.ORDERWATCH_INGEST_CONCURRENCY,
    logLevel: e.ORDERWATCH_LOG_LEVEL,
    smtp: { spec: e.ORDERWATCH_SMTP ?? resolve(e.ORDERWATCH_STATE_DIR, 'outbox'), label: redactUrl(e.ORDERWATCH_SMTP ?? resolve(e.ORDERWATCH_STATE_DIR, 'outbox')), connections: e.ORDERWATCH_SMTP_CONNECTIONS },
    owner: { address: (e.ORDERWATCH_OWNER ?? imapLogin(spec) ?? EMBEDDED_OWNER).toLowerCase(), name: e.ORDERWATCH_OWNER_NAME ?? null },
    timeZone: e.ORDERWATCH_TZ ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
    remindOffsetsMs: [...e.ORDERWATCH_REMIND].sort((a, b) => b - a),
    confirmWithinMs: e.ORDERWATCH_CONFIRM_WITHIN,
    maxFollowups: e.ORDERWATCH_MAX_FOLLOWUPS,
    authservId: e.ORDERWATCH_AUTHSERV_ID ?? null,
    merchantsFile: e.ORDERWATCH_MERCHANTS ? resolve(e.ORDERWATCH_MERCHANTS) : null,
  };
}

/** Who the owner is when nothing says so and the mailbox is local (the embedded demo). */
export const EMBEDDED_OWNER = 'owner@orderwatch.invalid';

function imapLogin(spec: string): string | null {
  if (!/^imaps?:\/\//i.test(spec)) return null;
  const user = decodeURIComponent(new URL(spec).username);
  return z.string().email().safeParse(user).success ? user : null;
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A credential-free, colon-free name for the mailbox: user@host for IMAP, local-<name> for a path. */
export function accountId(spec: string): string {
  if (/^imaps?:\/\//i.test(spec)) {
    const u = new URL(spec);
    return `${decodeURIComponent(u.username)}@${u.hostname}`.toLowerCase().replace(/[:~\s]/g, '_');
  }
  const name = resolve(spec).split(/[\\/]/).filter(Boolean).pop() ?? 'mailbox';
  return `local-${name}`.replace(/[:~\s]/g, '_');
}

/** The URL with its password replaced: safe for logs and errors. */
export function redactUrl(spec: string): string {
  if (!/^[a-z]+s?:\/\//i.test(spec)) return spec;
  try {
    const u = new URL(spec);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return spec.replace(/\/\/[^@/]*@/, '//***@');
  }
}
