// A MailboxSource over an IMAP account, through imapflow. One ImapFlow client per connection (an
// instance cannot reconnect); every command group runs alone on it, and a fetch is read to the end
// before anything is handed out, because a command issued inside imapflow's fetch loop deadlocks.
// New mail is announced by IDLE, with the caller's timeout as the poll that covers an IDLE gone
// quiet. The password stays inside the imapflow options: ids, errors and logs never carry it.
import { ImapFlow, type FetchMessageObject, type ImapFlowOptions, type Logger as ImapFlowLogger, type SearchObject } from 'imapflow';
import { readHeaderBlock, summaryFields } from './header-block.js';
import { HEADER_FIELDS, type FetchedMessage, type FolderState, type MailboxSource, type MessageSummary } from './source.js';

/** The subset of a pino logger this module uses. */
export interface SourceLogger {
  trace?(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  fatal?(obj: object, msg?: string): void;
  child?(bindings: Record<string, unknown>): SourceLogger;
  isLevelEnabled?(level: string): boolean;
}

/** Where and as whom to log in (from an imap:// or imaps:// URL: see imapSettings). */
export interface ImapSettings {
  host: string;
  port: number;
  /** TLS from the first byte (IMAPS, usually port 993); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  password: string;
}

export interface ImapSourceOptions extends ImapSettings {
  /** imapflow's own log goes here, password redacted; none when omitted. */
  logger?: SourceLogger;
  /** Most messages per full-message FETCH. Default 100. */
  fetchBatchMessages?: number;
  /** Most bytes per full-message FETCH (a bigger message comes alone). Default 8 MiB. */
  fetchBatchBytes?: number;
  /** Gives up on a connection that does not answer. Default 90 s. */
  connectionTimeoutMs?: number;
}

/** The connection is gone (or could not be made): reconnect, with backoff. */
export class ConnectionLostError extends Error {
  override readonly name = 'ConnectionLostError';
  readonly code = 'CONNECTION_LOST';
}

/** The server refused the user name or password: retrying will not help until they change. */
export class MailboxAuthError extends Error {
  override readonly name = 'MailboxAuthError';
  readonly code = 'AUTHENTICATION_FAILED';
}

/** The server answered a command with NO or BAD, or a folder does not exist: the connection is fine. */
export class MailboxCommandError extends Error {
  override readonly name = 'MailboxCommandError';
  readonly code = 'COMMAND_FAILED';
}

interface Connection {
  client: ImapFlow;
  lost: string | null;
  /** Folders with an EXISTS or EXPUNGE not yet looked at through openFolder (normalized path). */
  changed: Set<string>;
  waiters: Set<{ path: string; wake(): void; fail(err: Error): void }>;
  queue: Promise<unknown>;
}

const DEFAULT_FETCH_MESSAGES = 100;
const DEFAULT_FETCH_BYTES = 8 * 1024 * 1024;
/** IDLE is broken and restarted this often: some servers and middleboxes drop a long quiet one. */
const MAX_IDLE_MS = 5 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
const LOST_CODES = new Set(['NoConnection', 'EConnectionClosed', 'StateLogout', 'ClosedAfterConnectText', 'ClosedAfterConnectTLS', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ETIMEOUT', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT']);

export class ImapSource implements MailboxSource {
  readonly id: string;
  // #private: the password (inside both) must not show in util.inspect or JSON of this object
  readonly #options: ImapSourceOptions;
  #conn: Connection | null = null;

  constructor(options: ImapSourceOptions) {
    this.#options = { ...options };
    const defaultPort = options.secure ? 993 : 143;
    this.id = `imap:${options.user}@${options.host}${options.port && options.port !== defaultPort ? `:${options.port}` : ''}`;
  }

  async connect(): Promise<void> {
    if (this.#conn) await this.close();
    const o = this.#options;
    const imapOptions: ImapFlowOptions = {
      host: o.host,
      port: o.port,
      secure: o.secure,
      auth: { user: o.user, pass: o.password },
      logger: o.logger ? redactingLogger(o.logger.child?.({ component: 'imapflow' }) ?? o.logger, o.password) : false,
      disableAutoIdle: true,
      maxIdleTime: MAX_IDLE_MS,
      connectionTimeout: o.connectionTimeoutMs ?? 90_000,
      clientInfo: { name: 'orderwatch' },
    };
    const client = new ImapFlow(imapOptions);
    const conn: Connection = { client, lost: null, changed: new Set(), waiters: new Set(), queue: Promise.resolve() };
    const markChanged = (path: string) => {
      conn.changed.add(path);
      for (const w of [...conn.waiters]) {
        if (w.path === path) {
          conn.changed.delete(path);
          w.wake();
        }
      }
    };
    client.on('exists', (e) => markChanged(e.path));
    client.on('expunge', (e) => markChanged(e.path));
    // without an 'error' listener an EventEmitter error would crash the process
    client.on('error', (err: Error) => {
      conn.lost ??= describeError(err, o.password);
    });
    client.on('close', () => {
      conn.lost ??= 'closed by the server or the network';
      const err = this.lostError(conn, 'while waiting for changes');
      for (const w of [...conn.waiters]) w.fail(err);
    });
    try {
      await client.connect();
    } catch (err) {
      client.close();
      if (isAuthFailure(err)) throw new MailboxAuthError(`${this.id}: login refused by the server${serverSays(err, o.password)}`);
      throw new ConnectionLostError(`${this.id}: connection lost: could not connect: ${describeError(err, o.password)}`);
    }
    this.#conn = conn;
  }

  async listFolders(): Promise<string[]> {
    return this.exclusive('LIST', async (client) => {
      const list = await client.list();
      return list.filter((f) => ![...f.flags].some((flag) => /^\\(noselect|nonexistent)$/i.test(flag))).map((f) => f.path);
    });
  }

  async openFolder(folder: string): Promise<FolderState> {
    const conn = this.live();
    const state = await this.exclusive(`opening ${folder}`, async (client) => {
      const box = await this.select(client, folder, true);
      return { uidValidity: box.uidValidity.toString(), uidNext: box.uidNext, exists: box.exists };
    });
    conn.changed.delete(normalizeFolder(folder)); // the caller has now seen where the folder stands
    return state;
  }

  async *summaries(folder: string, options: { fromUid: number; since: Date | null; batchSize?: number }): AsyncIterable<MessageSummary[]> {
    const batchSize = Math.max(1, Math.floor(options.batchSize ?? 500));
    const fromUid = Math.max(1, Math.floor(options.fromUid));
    const since = options.since;
    let uidValidity: bigint | null = null;
    const uids = await this.exclusive(`searching ${folder}`, async (client) => {
      uidValidity = (await this.select(client, folder)).uidValidity;
      const query: SearchObject = { uid: `${fromUid}:*` };
      // SEARCH SINCE compares dates only, in the server's idea of the day: ask a day early, then
      // keep exactly what arrived at or after `since` below
      if (since) query.since = new Date(since.getTime() - DAY_MS);
      const found = await client.search(query, { uid: true });
      if (found === false) throw new MailboxCommandError(`${this.id}: the server refused to search ${folder}`);
      // "n:*" also matches the highest UID when it is below n
      return [...new Set(found ?? [])].filter((uid) => uid >= fromUid).sort((a, b) => a - b);
    });
    for (let i = 0; i < uids.length; i += batchSize) {
      const chunk = uids.slice(i, i + batchSize);
      const fetched = await this.exclusive(`reading headers in ${folder}`, async (client) => {
        await this.select(client, folder, false, uidValidity);
        const out: FetchMessageObject[] = [];
        // The header fields alone, not ENVELOPE: the same reading as local mailboxes, and less to parse.
        const query = { uid: true, size: true, internalDate: true, headers: [...HEADER_FIELDS] };
        for await (const msg of client.fetch(uidSet(chunk), query, { uid: true })) out.push(msg);
        return out;
      });
      const batch = fetched
        .map(toSummary)
        .filter((s) => !since || s.receivedAt.getTime() >= since.getTime())
        .sort((a, b) => a.uid - b.uid);
      if (batch.length) yield batch;
    }
  }

  async *fetch(folder: string, uids: number[]): AsyncIterable<FetchedMessage> {
    const wanted = [...new Set(uids.filter((u) => Number.isSafeInteger(u) && u > 0))].sort((a, b) => a - b);
    if (!wanted.length) return;
    const maxMessages = Math.max(1, this.#options.fetchBatchMessages ?? DEFAULT_FETCH_MESSAGES);
    const maxBytes = Math.max(1, this.#options.fetchBatchBytes ?? DEFAULT_FETCH_BYTES);
    let uidValidity: bigint | null = null;
    // sizes first (cheap), so that one FETCH never holds more than maxBytes of messages in memory
    const sizes = await this.exclusive(`reading sizes in ${folder}`, async (client) => {
      uidValidity = (await this.select(client, folder)).uidValidity;
      const out = new Map<number, number>();
      for await (const msg of client.fetch(uidSet(wanted), { uid: true, size: true }, { uid: true })) out.set(msg.uid, msg.size ?? 0);
      return out;
    });
    for (const batch of sizeBatches(wanted.filter((u) => sizes.has(u)), sizes, maxMessages, maxBytes)) {
      const messages = await this.exclusive(`fetching messages in ${folder}`, async (client) => {
        await this.select(client, folder, false, uidValidity);
        const out: FetchedMessage[] = [];
        for await (const msg of client.fetch(uidSet(batch), { uid: true, source: true }, { uid: true })) {
          if (msg.source) out.push({ uid: msg.uid, source: msg.source });
        }
        return out;
      });
      yield* messages.sort((a, b) => a.uid - b.uid);
    }
  }

  /**
   * IDLE on the folder until it reports EXISTS or EXPUNGE, `timeoutMs` passes, `signal` aborts
   * (all resolve) or the connection drops (rejects with ConnectionLostError). A change reported
   * since the last openFolder of this folder resolves at once. IDLE is left running when this
   * resolves; the caller's next command ends it.
   */
  async waitForChange(folder: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
    const conn = this.live();
    const path = normalizeFolder(folder);
    if (signal.aborted || conn.changed.delete(path)) return;
    await this.exclusive(`opening ${folder}`, (client) => this.select(client, folder));
    if (conn.changed.delete(path)) return;
    if (conn.lost) throw this.lostError(conn, 'while waiting for changes');
    const client = conn.client;
    await new Promise<void>((resolve, reject) => {
      const waiter = { path, wake: () => finish(), fail: (err: Error) => finish(err) };
      const finish = (err?: Error) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        if (!conn.waiters.delete(waiter)) return;
        if (err) reject(err);
        else resolve();
      };
      const onAbort = () => finish();
      const timer = setTimeout(() => finish(), Math.max(0, timeoutMs));
      signal.addEventListener('abort', onAbort, { once: true });
      conn.waiters.add(waiter);
      if (!client.idling) {
        client.idle({ whenFree: true }).then(
          (result) => {
            // false: the server refused IDLE, so the timeout is the poll; otherwise IDLE ended
            // because another command needed the connection: a spurious wake, which is allowed
            if (result !== false) finish();
          },
          (err: unknown) => finish(conn.lost ? this.lostError(conn, 'while waiting for changes') : this.wrap(err, conn, 'waiting for changes')),
        );
      }
    });
  }

  async close(): Promise<void> {
    const conn = this.#conn;
    if (!conn) return;
    this.#conn = null;
    conn.lost ??= 'closed';
    const err = new ConnectionLostError(`${this.id}: source closed`);
    for (const w of [...conn.waiters]) w.fail(err);
    try {
      if (conn.client.usable) await withTimeout(conn.client.logout(), 5_000);
    } catch {
      // going away anyway
    } finally {
      conn.client.close();
    }
  }

  private live(): Connection {
    const conn = this.#conn;
    if (!conn) throw new ConnectionLostError(`${this.id}: connection lost: not connected`);
    if (conn.lost) throw this.lostError(conn);
    return conn;
  }

  private lostError(conn: Connection, when?: string): ConnectionLostError {
    return new ConnectionLostError(`${this.id}: connection lost${when ? ` ${when}` : ''}: ${conn.lost ?? 'unknown reason'}`);
  }

  /** Runs one command group alone on the connection; imapflow errors become this module's errors. */
  private exclusive<T>(what: string, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
    const conn = this.live();
    const run = conn.queue.then(async () => {
      if (conn.lost) throw this.lostError(conn, `before ${what}`);
      try {
        return await fn(conn.client);
      } catch (err) {
        throw this.wrap(err, conn, what);
      }
    });
    conn.queue = run.catch(() => undefined);
    return run;
  }

  private wrap(err: unknown, conn: Connection, what: string): Error {
    if (err instanceof ConnectionLostError || err instanceof MailboxAuthError || err instanceof MailboxCommandError) return err;
    const password = this.#options.password;
    const code = typeof err === 'object' && err !== null ? String((err as { code?: unknown }).code ?? '') : '';
    if (conn.lost || !conn.client.usable || LOST_CODES.has(code)) {
      conn.lost ??= describeError(err, password);
      return this.lostError(conn, `while ${what}`);
    }
    if (isAuthFailure(err)) return new MailboxAuthError(`${this.id}: ${what}: authentication failed${serverSays(err, password)}`);
    if ((err as { mailboxMissing?: boolean }).mailboxMissing) return new MailboxCommandError(`${this.id}: ${what}: no such folder`);
    return new MailboxCommandError(`${this.id}: ${what} failed: ${describeError(err, password)}`);
  }

  /** Makes `folder` the selected folder, read-only; `fresh` re-selects even when it already is. */
  private async select(client: ImapFlow, folder: string, fresh = false, uidValidity: bigint | null = null) {
    const current = client.mailbox;
    const box = !fresh && current && current.readOnly && normalizeFolder(current.path) === normalizeFolder(folder) ? current : await client.mailboxOpen(folder, { readOnly: true });
    if (uidValidity !== null && box.uidValidity !== uidValidity) {
      throw new MailboxCommandError(`${this.id}: ${folder} was renumbered (UIDVALIDITY ${uidValidity} -> ${box.uidValidity}) during the scan; start it again`);
    }
    return box;
  }
}

function toSummary(msg: FetchMessageObject): MessageSummary {
  const internal = msg.internalDate ? new Date(msg.internalDate) : null;
  return {
    uid: msg.uid,
    size: msg.size ?? 0,
    receivedAt: internal && Number.isFinite(internal.getTime()) ? internal : new Date(0),
    ...summaryFields(msg.headers ? readHeaderBlock(msg.headers) : []),
  };
}

/** "1:3,7,9:10" for [1, 2, 3, 7, 9, 10] (sorted, unique): short commands for long UID lists. */
export function uidSet(uids: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < uids.length; ) {
    let j = i;
    while (j + 1 < uids.length && uids[j + 1] === uids[j]! + 1) j++;
    parts.push(j > i ? `${uids[i]}:${uids[j]}` : String(uids[i]));
    i = j + 1;
  }
  return parts.join(',');
}

/** Consecutive groups of at most `maxMessages` UIDs and `maxBytes` bytes (a bigger message alone). */
export function sizeBatches(uids: number[], sizes: Map<number, number>, maxMessages: number, maxBytes: number): number[][] {
  const batches: number[][] = [];
  let batch: number[] = [];
  let bytes = 0;
  for (const uid of uids) {
    const size = sizes.get(uid) ?? 0;
    if (batch.length && (batch.length >= maxMessages || bytes + size > maxBytes)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(uid);
    bytes += size;
  }
  if (batch.length) batches.push(batch);
  return batches;
}

const normalizeFolder = (folder: string) => (folder.toUpperCase() === 'INBOX' ? 'INBOX' : folder);

function isAuthFailure(err: unknown): boolean {
  const e = err as { authenticationFailed?: boolean; serverResponseCode?: string; name?: string } | null;
  return !!e && (e.authenticationFailed === true || e.serverResponseCode === 'AUTHENTICATIONFAILED' || e.name === 'AuthenticationFailure');
}

function serverSays(err: unknown, password: string): string {
  const text = (err as { responseText?: string; serverResponseCode?: string } | null)?.responseText;
  return text ? ` (server: ${scrub(text, password)})` : '';
}

/** One line about an imapflow or socket error, with the password scrubbed out of anything quoted. */
function describeError(err: unknown, password: string): string {
  if (!(err instanceof Error)) return scrub(String(err), password);
  const e = err as Error & { code?: string; responseText?: string };
  const detail = e.responseText && !e.message.includes(e.responseText) ? ` (${e.responseText})` : '';
  return scrub(`${e.message}${detail}${e.code && !e.message.includes(e.code) ? ` [${e.code}]` : ''}`, password);
}

function scrub(text: string, password: string): string {
  if (!password) return text;
  let out = text.split(password).join('***');
  const encoded = encodeURIComponent(password);
  if (encoded !== password) out = out.split(encoded).join('***');
  return out;
}

const SECRET_KEY = /^(pass|password|accesstoken|authorization|auth)$/i;

/** A copy of a log entry with the password gone: secret-named keys masked, every string scrubbed. */
function redact(value: unknown, password: string, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value, password);
  if (value === null || typeof value !== 'object' || depth > 5) return value;
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Error) {
    const e = value as Error & { code?: unknown };
    return { type: e.name, message: scrub(e.message, password), code: e.code, stack: e.stack ? scrub(e.stack, password) : undefined };
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, password, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? '***' : redact(v, password, depth + 1);
  return out;
}

/** imapflow's logger interface over a pino-like logger, password redacted from every entry. */
function redactingLogger(logger: SourceLogger, password: string): ImapFlowLogger {
  const level = (name: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal') => (obj: unknown) => {
    const method = logger[name] ?? (name === 'fatal' ? logger.error : undefined);
    if (!method || (logger.isLevelEnabled && !logger.isLevelEnabled(name))) return;
    const entry = redact(typeof obj === 'object' && obj !== null ? obj : { msg: obj }, password) as Record<string, unknown>;
    method.call(logger, entry);
  };
  return { trace: level('trace'), debug: level('debug'), info: level('info'), warn: level('warn'), error: level('error'), fatal: level('fatal') };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ms)))]).finally(() => clearTimeout(timer));
}
