// The owner's Sent folder, as the record of correspondence and as the witness of what went out:
// a copy is stored there after SMTP accepted a message, and a job that runs again after a crash
// looks there, by Message-ID, before it sends again. Over IMAP (imapflow) for a real mailbox; as a
// directory of .eml files, one per Message-ID, for the local (embedded) mailbox. Flags set on a
// message ("Flag" in the design: \Flagged plus a keyword) go through the same door.
import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ImapFlow, type ListResponse } from 'imapflow';
import { ConnectionLostError, MailboxAuthError, MailboxCommandError, type ImapSettings, type SourceLogger } from './imap-source.js';

export interface SentFolder {
  /** Names the folder for logs and errors; never a password. */
  readonly id: string;
  /** Whether a message with this Message-ID (`<...@...>`) is in the Sent folder. */
  has(messageId: string): Promise<boolean>;
  /** Stores a raw RFC 5322 message in the Sent folder; `flags` default to \Seen. */
  append(raw: Buffer, flags?: string[]): Promise<void>;
  /** Adds flags (\Flagged, keywords such as $OrderwatchNoConfirmation) to the message in the Sent folder; false when it is not there. */
  flag(messageId: string, flags: string[]): Promise<boolean>;
  /** Adds flags to the message with this Message-ID in `folder`; false when it is not there. */
  flagMessage(folder: string, messageId: string, flags: string[]): Promise<boolean>;
  close(): Promise<void>;
}

/** Folder names taken for the Sent folder when the server marks none with \Sent, in this order. */
export const SENT_FOLDER_NAMES = ['Sent', 'Sent Items', 'Sent Messages'] as const;
/** The folder created when there is no Sent folder at all. */
export const CREATED_SENT_FOLDER = 'Sent';

/** The file name stem for a Message-ID: the first 128 bits of its SHA-256, in hex. */
export function messageFileStem(messageId: string): string {
  return createHash('sha256').update(messageId.trim()).digest('hex').slice(0, 32);
}

/** The Message-ID header of a raw message (`<...>`), null when it has none. */
export function messageIdOfRaw(raw: Buffer): string | null {
  const text = raw.subarray(0, 256 * 1024).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const header = (end >= 0 ? text.slice(0, end) : text).replace(/\r?\n[ \t]+/g, ' ');
  return /^message-id:[ \t]*(<[^<>\s]+>)/im.exec(header)?.[1] ?? null;
}

/**
 * Writes `data` to `path` so that a reader (or a process restarted after a kill) sees either no
 * file or the whole of it: a temp file beside it, flushed, then renamed over the name.
 */
export async function writeFileAtomically(path: string, data: Buffer | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// IMAP

export interface ImapSentFolderOptions extends ImapSettings {
  /** This module's own events (connections, the folder chosen or created); imapflow's chatter is not logged. */
  logger?: SourceLogger;
  /** The Sent folder's path, to use instead of looking for it. */
  folder?: string;
  /** Gives up on a connection that does not answer. Default 60 s. */
  connectionTimeoutMs?: number;
  /** The connection is closed after this long unused; the next call opens a new one. Default 60 s. */
  idleCloseMs?: number;
}

/** Messages a Message-ID search may match before the exact comparison; more means a broken mailbox. */
const MAX_MATCHES = 20;
const DEFAULT_IDLE_CLOSE_MS = 60_000;

/**
 * The Sent folder of an IMAP account. One connection, opened on first use and closed when idle
 * (an ImapFlow instance cannot reconnect: a new one per connection); calls run one at a time on
 * it, and no command is issued inside a fetch loop. A lookup (has, flag) that fails because a
 * kept connection went stale is retried once on a new connection; an APPEND is never retried
 * here, since it may have been stored: the caller checks with has() first.
 */
export class ImapSentFolder implements SentFolder {
  readonly id: string;
  // #private: the password must not show in util.inspect or JSON of this object
  readonly #options: ImapSentFolderOptions;
  #client: ImapFlow | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #idleTimer: NodeJS.Timeout | null = null;
  #sentPath: string | null;
  #closed = false;

  constructor(options: ImapSentFolderOptions) {
    this.#options = { ...options };
    this.#sentPath = options.folder ?? null;
    const defaultPort = options.secure ? 993 : 143;
    this.id = `imap:${options.user}@${options.host}${options.port && options.port !== defaultPort ? `:${options.port}` : ''}`;
  }

  /** The Sent folder's path: the folder marked \Sent, else one named like a Sent folder, else a new "Sent". */
  async path(): Promise<string> {
    return this.run('finding the Sent folder', true, (client) => this.sentPath(client));
  }

  async has(messageId: string): Promise<boolean> {
    return this.run('searching the Sent folder', true, async (client) => (await this.find(client, await this.sentPath(client), messageId)).length > 0);
  }

  async append(raw: Buffer, flags: string[] = ['\\Seen']): Promise<void> {
    await this.run('storing a copy in the Sent folder', false, async (client) => {
      const path = await this.sentPath(client);
      let stored: Awaited<ReturnType<ImapFlow['append']>>;
      try {
        stored = await client.append(path, raw, flags);
      } catch (err) {
        // the folder went away since it was looked up (TRYCREATE: nothing was stored): look again, once
        if (this.#options.folder || !client.usable || !/TRYCREATE/i.test(responseCodeOf(err))) throw err;
        this.#sentPath = null;
        stored = await client.append(await this.sentPath(client), raw, flags);
      }
      if (!stored) throw new MailboxCommandError(`${this.id}: the server did not store the copy in ${path}`);
    });
  }

  async flag(messageId: string, flags: string[]): Promise<boolean> {
    return this.run('flagging a message in the Sent folder', true, async (client) => this.addFlags(client, await this.sentPath(client), messageId, flags));
  }

  async flagMessage(folder: string, messageId: string, flags: string[]): Promise<boolean> {
    return this.run(`flagging a message in ${folder}`, true, (client) => this.addFlags(client, folder, messageId, flags));
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue;
    await this.dropConnection(true);
  }

  private async addFlags(client: ImapFlow, folder: string, messageId: string, flags: string[]): Promise<boolean> {
    if (flags.length === 0) return (await this.find(client, folder, messageId)).length > 0;
    const uids = await this.find(client, folder, messageId);
    if (uids.length === 0) return false;
    const ok = await client.messageFlagsAdd(uids.join(','), flags, { uid: true });
    if (!ok) throw new MailboxCommandError(`${this.id}: the server refused to flag a message in ${folder}`);
    return true;
  }

  /** UIDs in `folder` whose Message-ID is exactly `messageId` (SEARCH HEADER matches substrings). */
  private async find(client: ImapFlow, folder: string, messageId: string): Promise<number[]> {
    const wanted = messageId.trim();
    if (!/^<[^<>\s]+>$/.test(wanted)) throw new TypeError(`not a Message-ID: ${JSON.stringify(messageId)}`);
    try {
      await client.mailboxOpen(folder);
    } catch (err) {
      // a Sent folder deleted since it was looked up is looked for again on the next call
      if ((err as { mailboxMissing?: boolean }).mailboxMissing && folder === this.#sentPath && !this.#options.folder) this.#sentPath = null;
      throw err;
    }
    const found = await client.search({ header: { 'message-id': wanted } }, { uid: true });
    if (found === false || found === undefined) throw new MailboxCommandError(`${this.id}: the server refused to search ${folder}`);
    if (found.length === 0) return [];
    const candidates = [...new Set(found)].sort((a, b) => a - b).slice(0, MAX_MATCHES);
    const exact: number[] = [];
    // read to the end before anything else is sent on the connection
    for await (const msg of client.fetch(candidates.join(','), { uid: true, envelope: true }, { uid: true })) {
      if (msg.envelope?.messageId?.trim() === wanted) exact.push(msg.uid);
    }
    return exact;
  }

  private async sentPath(client: ImapFlow): Promise<string> {
    if (this.#sentPath) return this.#sentPath;
    const folders = (await client.list()).filter((f) => ![...f.flags].some((flag) => /^\\(noselect|nonexistent)$/i.test(flag)));
    let path = chooseSentFolder(folders);
    if (!path) {
      const created = await client.mailboxCreate(CREATED_SENT_FOLDER);
      path = created.path;
      this.#options.logger?.info({ sentFolder: this.id, path, created: created.created !== false }, 'created the Sent folder');
    }
    this.#sentPath = path;
    return path;
  }

  /** Runs `fn` alone on the connection; imapflow errors become the mailbox errors of imap-source. */
  private run<T>(what: string, idempotent: boolean, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
    const task = this.#queue.then(async () => {
      if (this.#closed) throw new ConnectionLostError(`${this.id}: Sent folder closed`);
      if (this.#idleTimer) clearTimeout(this.#idleTimer);
      this.#idleTimer = null;
      try {
        const reused = this.#client !== null && this.#client.usable;
        try {
          return await fn(await this.connection());
        } catch (err) {
          const wrapped = this.wrap(err, what);
          if (!(wrapped instanceof ConnectionLostError)) throw wrapped;
          void this.dropConnection(false);
          if (!reused || !idempotent) throw wrapped;
          try {
            return await fn(await this.connection());
          } catch (again) {
            const wrappedAgain = this.wrap(again, what);
            if (wrappedAgain instanceof ConnectionLostError) void this.dropConnection(false);
            throw wrappedAgain;
          }
        }
      } finally {
        this.armIdleClose();
      }
    });
    this.#queue = task.catch(() => undefined);
    return task;
  }

  private async connection(): Promise<ImapFlow> {
    if (this.#client?.usable) return this.#client;
    void this.dropConnection(false);
    const o = this.#options;
    const client = new ImapFlow({
      host: o.host,
      port: o.port,
      secure: o.secure,
      auth: { user: o.user, pass: o.password },
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: o.connectionTimeoutMs ?? 60_000,
      clientInfo: { name: 'orderwatch' },
    });
    // without an 'error' listener an EventEmitter error would crash the process
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (err) {
      client.close();
      if (isAuthFailure(err)) throw new MailboxAuthError(`${this.id}: login refused by the server`);
      throw new ConnectionLostError(`${this.id}: could not connect: ${describe(err, o.password)}`);
    }
    this.#client = client;
    o.logger?.debug({ sentFolder: this.id }, 'connected');
    return client;
  }

  /** Forgets the connection; with `logout`, says LOGOUT first (resolves when done, 2 s at most). */
  private dropConnection(logout: boolean): Promise<void> {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    const client = this.#client;
    this.#client = null;
    if (!client) return Promise.resolve();
    if (!logout || !client.usable) {
      client.close();
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, 2_000);
      timer.unref();
      function done(): void {
        clearTimeout(timer);
        client!.close();
        resolve();
      }
      client.logout().then(done, done);
    });
  }

  private armIdleClose(): void {
    if (!this.#client || this.#closed) return;
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = null;
      // nothing is queued behind: run() clears the timer before it starts
      void this.dropConnection(true);
    }, this.#options.idleCloseMs ?? DEFAULT_IDLE_CLOSE_MS);
    this.#idleTimer.unref();
  }

  private wrap(err: unknown, what: string): Error {
    if (err instanceof ConnectionLostError || err instanceof MailboxAuthError || err instanceof MailboxCommandError || err instanceof TypeError) return err;
    const text = describe(err, this.#options.password);
    if (!this.#client?.usable) return new ConnectionLostError(`${this.id}: connection lost while ${what}: ${text}`);
    return new MailboxCommandError(`${this.id}: failed while ${what}: ${text}`);
  }
}

/**
 * The Sent folder among listed folders: one the server marks \Sent (SPECIAL-USE or a hint), else
 * the first of SENT_FOLDER_NAMES (exact path, then last name segment, case-insensitive), else one
 * imapflow recognises by a localised name ("Gesendet"); null when none.
 */
export function chooseSentFolder(folders: Pick<ListResponse, 'path' | 'name' | 'specialUse' | 'specialUseSource'>[]): string | null {
  const marked = folders.find((f) => f.specialUse === '\\Sent' && f.specialUseSource !== 'name');
  if (marked) return marked.path;
  for (const name of SENT_FOLDER_NAMES) {
    const lower = name.toLowerCase();
    const hit = folders.find((f) => f.path.toLowerCase() === lower) ?? folders.find((f) => f.name.toLowerCase() === lower);
    if (hit) return hit.path;
  }
  return folders.find((f) => f.specialUse === '\\Sent')?.path ?? null;
}

function responseCodeOf(err: unknown): string {
  const e = err as { serverResponseCode?: string; responseText?: string; message?: string } | null;
  return `${e?.serverResponseCode ?? ''} ${e?.responseText ?? ''} ${e?.message ?? ''}`;
}

function isAuthFailure(err: unknown): boolean {
  const e = err as { authenticationFailed?: boolean; serverResponseCode?: string } | null;
  return !!e && (e.authenticationFailed === true || e.serverResponseCode === 'AUTHENTICATIONFAILED');
}

function describe(err: unknown, password: string): string {
  const e = err as (Error & { code?: string; responseText?: string }) | null;
  const text = e instanceof Error ? `${e.message}${e.responseText && !e.message.includes(e.responseText) ? ` (${e.responseText})` : ''}${e.code ? ` [${e.code}]` : ''}` : String(err);
  return scrub(text, password);
}

function scrub(text: string, password: string): string {
  if (!password) return text;
  return text.split(password).join('***').split(encodeURIComponent(password)).join('***');
}

// ---------------------------------------------------------------------------------------------
// Local

interface FlagsFile {
  messageId: string;
  /** folder -> flags set on the message there */
  folders: Record<string, string[]>;
}

/**
 * A directory standing in for the Sent folder of the local (embedded) mailbox: `<stem>.eml` per
 * message, the stem derived from its Message-ID (messageFileStem), written atomically. Flags
 * cannot be set on local mail, so they are recorded beside it: `<stem>.flags.json` holds, per
 * folder, the flags set on the message with that Message-ID (for this folder and any other).
 */
export class LocalSentFolder implements SentFolder {
  readonly id: string;
  /** The folder name this directory stands for, in flag records. */
  readonly name: string;
  #flagsQueue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    options: { name?: string } = {},
  ) {
    this.name = options.name ?? CREATED_SENT_FOLDER;
    this.id = `local:${dir}`;
  }

  /** Where the copy of a message lives (whether or not it exists). */
  fileOf(messageId: string): string {
    return join(this.dir, `${messageFileStem(messageId)}.eml`);
  }

  async has(messageId: string): Promise<boolean> {
    try {
      await access(this.fileOf(messageId));
      return true;
    } catch {
      return false;
    }
  }

  async append(raw: Buffer, flags: string[] = ['\\Seen']): Promise<void> {
    const messageId = messageIdOfRaw(raw);
    if (!messageId) throw new MailboxCommandError(`${this.id}: a message without a Message-ID cannot be stored`);
    await writeFileAtomically(this.fileOf(messageId), raw);
    if (flags.length > 0) await this.recordFlags(this.name, messageId, flags);
  }

  async flag(messageId: string, flags: string[]): Promise<boolean> {
    return this.flagMessage(this.name, messageId, flags);
  }

  /**
   * Records flags for the message in `folder`. For this directory's own folder, false (and
   * nothing recorded) when the message is not here; other folders are not visible from here, so
   * the flags are recorded and the answer is true.
   */
  async flagMessage(folder: string, messageId: string, flags: string[]): Promise<boolean> {
    if (folder === this.name && !(await this.has(messageId))) return false;
    await this.recordFlags(folder, messageId, flags);
    return true;
  }

  /** The flags recorded for the message in `folder` (this directory's folder by default). */
  async flagsOf(messageId: string, folder: string = this.name): Promise<string[]> {
    return (await this.readFlags(messageId))?.folders[folder] ?? [];
  }

  async close(): Promise<void> {
    await this.#flagsQueue;
  }

  private recordFlags(folder: string, messageId: string, flags: string[]): Promise<void> {
    // read-modify-write, one at a time within this process
    const task = this.#flagsQueue.then(async () => {
      const current = (await this.readFlags(messageId)) ?? { messageId, folders: {} };
      const merged = new Set([...(current.folders[folder] ?? []), ...flags]);
      current.folders[folder] = [...merged];
      await writeFileAtomically(this.flagsFileOf(messageId), `${JSON.stringify(current, null, 2)}\n`);
    });
    this.#flagsQueue = task.catch(() => undefined);
    return task;
  }

  private async readFlags(messageId: string): Promise<FlagsFile | null> {
    try {
      return JSON.parse(await readFile(this.flagsFileOf(messageId), 'utf8')) as FlagsFile;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  private flagsFileOf(messageId: string): string {
    return join(this.dir, `${messageFileStem(messageId)}.flags.json`);
  }
}
