// A MailboxSource over mail kept on this machine, the embedded default: a folder of .eml files, a
// Maildir (with Maildir++ subfolders) or an mbox file. Files have no UIDs, so this module hands them
// out and remembers them in a small JSON state file: a message keeps its UID across restarts, a new
// one gets the next, and a UID is never given twice. The mail itself is only ever read.
import { createHash } from 'node:crypto';
import { createReadStream, type Dirent } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join, normalize, resolve } from 'node:path';
import { firstValue, readHeaderBlock, summaryFields } from './header-block.js';
import type { FetchedMessage, FolderState, MailboxSource, MessageSummary } from './source.js';

export type LocalLayout = 'eml' | 'maildir' | 'mbox';

export interface LocalSourceOptions {
  /** A folder of .eml files, a Maildir, or an mbox file. */
  path: string;
  /** Where the UID state file lives (created if missing). */
  stateDir: string;
  /** How often waitForChange looks at the folder listing. Default 2 s. */
  pollIntervalMs?: number;
  /** The clock that stamps a new folder's uidValidity. Default Date.now. */
  now?: () => number;
}

/** Bytes of a message read at most to find its header block. */
export const HEADER_BLOCK_LIMIT = 64 * 1024;
const DEFAULT_POLL_MS = 2_000;
const STATE_VERSION = 1;

/**
 * What is at `path`: a Maildir (has cur/ and new/), another folder (of .eml files), or an mbox
 * file (empty, or starting with a "From " line). Throws an error naming the path otherwise.
 */
export async function detectLocalLayout(path: string): Promise<LocalLayout> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') throw new Error(`mailbox path not found: ${path}`);
    throw new Error(`cannot read mailbox path ${path}: ${errorMessage(err)}`);
  }
  if (info.isDirectory()) {
    return (await isDirectory(join(path, 'cur'))) && (await isDirectory(join(path, 'new'))) ? 'maildir' : 'eml';
  }
  if (info.isFile()) {
    if (info.size === 0) return 'mbox';
    const head = await readSpan(path, 0, 5);
    if (head.toString('latin1') === 'From ') return 'mbox';
    throw new Error(`mailbox path ${path} is a file but not an mbox (it does not start with a "From " line); give a folder of .eml files, a Maildir or an mbox file`);
  }
  throw new Error(`mailbox path ${path} is neither a folder nor a file`);
}

export class LocalSource implements MailboxSource {
  readonly id: string;
  private readonly path: string;
  private readonly stateFile: string;
  private readonly stateDir: string;
  private readonly pollIntervalMs: number;
  private readonly now: () => number;
  private layout: Layout | null = null;
  private state: StateFile | null = null;
  private readonly scans = new Map<string, FolderScan>();
  private readonly mboxIndex = new Map<string, { signature: string; entries: Located[] }>();
  private readonly closeListeners = new Set<(err: Error) => void>();
  private closed: Error | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: LocalSourceOptions) {
    this.path = options.path;
    this.stateDir = options.stateDir;
    this.pollIntervalMs = Math.max(1, options.pollIntervalMs ?? DEFAULT_POLL_MS);
    this.now = options.now ?? Date.now;
    this.id = `local:${normalize(options.path).replace(/(.)[\\/]+$/, '$1')}`;
    const absolute = resolve(options.path);
    const tag = createHash('sha256').update(absolute).digest('hex').slice(0, 12);
    this.stateFile = join(options.stateDir, `local-${basename(absolute).replace(/[^A-Za-z0-9._-]/g, '_')}-${tag}.json`);
  }

  async connect(): Promise<void> {
    this.closed = null;
    const kind = await detectLocalLayout(this.path);
    const root = resolve(this.path);
    this.layout = kind === 'maildir' ? maildirLayout(root) : kind === 'eml' ? emlLayout(root) : mboxLayout(root, (file) => this.indexMbox(file));
    await mkdir(this.stateDir, { recursive: true });
    this.state = await loadState(this.stateFile, root);
  }

  async listFolders(): Promise<string[]> {
    return this.requireLayout().folders();
  }

  async openFolder(folder: string): Promise<FolderState> {
    const scan = await this.scan(folder);
    return { uidValidity: scan.record.uidValidity, uidNext: scan.record.uidNext, exists: scan.uids.length };
  }

  async *summaries(folder: string, options: { fromUid: number; since: Date | null; batchSize?: number }): AsyncIterable<MessageSummary[]> {
    const scan = await this.scan(folder);
    const batchSize = Math.max(1, options.batchSize ?? 500);
    const since = options.since?.getTime() ?? null;
    let batch: MessageSummary[] = [];
    for (const uid of scan.uids) {
      if (uid < options.fromUid) continue;
      const summary = await this.summarize(uid, scan.byUid.get(uid)!).catch((err) => {
        if (errorCode(err) === 'ENOENT') return null; // gone since the scan: skipped, like an expunged message
        throw new Error(`${this.id}: reading ${folder} UID ${uid}: ${errorMessage(err)}`);
      });
      if (!summary || (since !== null && summary.receivedAt.getTime() < since)) continue;
      batch.push(summary);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }

  async *fetch(folder: string, uids: number[]): AsyncIterable<FetchedMessage> {
    let scan = await this.scan(folder);
    let rescanned = false;
    for (const uid of [...new Set(uids)].sort((a, b) => a - b)) {
      let entry = scan.byUid.get(uid);
      if (!entry) continue;
      let source = await this.read(entry).catch((err) => (errorCode(err) === 'ENOENT' ? null : Promise.reject(err)));
      if (!source && !rescanned) {
        // a Maildir file moves from new/ to cur/ (and is renamed) when a mail client reads it
        rescanned = true;
        scan = await this.scan(folder);
        entry = scan.byUid.get(uid);
        source = entry ? await this.read(entry).catch((err) => (errorCode(err) === 'ENOENT' ? null : Promise.reject(err))) : null;
      }
      if (source) yield { uid, source };
    }
  }

  /**
   * Polls the folder listing (fs.watch misses events on many file systems) every pollIntervalMs:
   * resolves once it differs from what the last openFolder/summaries/fetch saw, after timeoutMs,
   * or when `signal` aborts. Rejects when the source is closed meanwhile.
   */
  async waitForChange(folder: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
    const layout = this.requireLayout();
    if (signal.aborted) return;
    const name = layout.folderName(folder);
    const baseline = this.scans.get(name)?.signature ?? (await this.signatureOf(layout, name));
    const deadline = performance.now() + Math.max(0, timeoutMs);
    for (;;) {
      if ((await this.signatureOf(layout, name)) !== baseline) return;
      const left = deadline - performance.now();
      if (left <= 0) return;
      if (!(await this.sleep(Math.min(this.pollIntervalMs, left), signal))) return;
    }
  }

  async close(): Promise<void> {
    const err = new Error(`${this.id}: source closed`);
    this.closed = err;
    for (const listener of [...this.closeListeners]) listener(err);
    this.closeListeners.clear();
    await this.queue.catch(() => undefined);
    this.layout = null;
    this.state = null;
    this.scans.clear();
    this.mboxIndex.clear();
  }

  private requireLayout(): Layout {
    if (!this.layout) throw new Error(`${this.id}: not connected (call connect() first)`);
    return this.layout;
  }

  private async signatureOf(layout: Layout, folder: string): Promise<string> {
    try {
      return (await layout.list(folder)).signature;
    } catch (err) {
      return `unreadable: ${errorCode(err) ?? errorMessage(err)}`;
    }
  }

  /** Lists a folder and gives every message in it a UID (new ones the next free ones). One at a time. */
  private scan(folder: string): Promise<FolderScan> {
    const run = this.queue.then(async () => {
      const layout = this.requireLayout();
      const name = layout.folderName(folder);
      const listing = await layout.list(name).catch((err) => {
        throw new Error(`${this.id}: cannot read folder "${name}": ${errorMessage(err)}`);
      });
      const state = this.state!;
      let record = state.folders.get(name);
      let changed = false;
      if (!record) {
        record = { uidValidity: String(Math.floor(this.now() / 1000)), uidNext: 1, uids: new Map() };
        state.folders.set(name, record);
        changed = true;
      }
      const present = new Set<string>();
      const byUid = new Map<number, Located>();
      for (const entry of listing.entries) {
        present.add(entry.key);
        let uid = record.uids.get(entry.key);
        if (uid === undefined) {
          uid = record.uidNext++;
          record.uids.set(entry.key, uid);
          changed = true;
        }
        byUid.set(uid, entry);
      }
      for (const key of record.uids.keys()) {
        if (!present.has(key)) {
          record.uids.delete(key); // uidNext never goes back, so the UID is not reused
          changed = true;
        }
      }
      if (changed) await saveState(this.stateFile, state);
      const scan: FolderScan = { signature: listing.signature, record, byUid, uids: [...byUid.keys()].sort((a, b) => a - b) };
      this.scans.set(name, scan);
      return scan;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async summarize(uid: number, entry: Located): Promise<MessageSummary> {
    const layout = this.requireLayout();
    let size: number;
    let mtime: Date;
    let block: Buffer;
    if (entry.span) {
      size = entry.span.size;
      mtime = entry.span.fileTime;
      block = await readSpan(entry.file, entry.span.offset, Math.min(entry.span.length, HEADER_BLOCK_LIMIT));
    } else {
      const info = await stat(entry.file);
      size = info.size;
      mtime = info.mtime;
      block = await readSpan(entry.file, 0, Math.min(info.size, HEADER_BLOCK_LIMIT));
    }
    const header = readHeaderBlock(block);
    const dateHeader = parseDate(firstValue(header, 'date'));
    const receivedAt = layout.kind === 'maildir' ? mtime : (entry.span?.postmark ?? dateHeader ?? mtime);
    return {
      uid,
      size,
      receivedAt,
      ...summaryFields(header),
    };
  }

  private async read(entry: Located): Promise<Buffer> {
    if (!entry.span) return readFile(entry.file);
    return unescapeMboxrd(await readSpan(entry.file, entry.span.offset, entry.span.length));
  }

  private async indexMbox(file: string): Promise<{ signature: string; entries: Located[] }> {
    const info = await stat(file);
    const signature = `${info.size}:${info.mtimeMs}:${info.ino}`;
    const cached = this.mboxIndex.get(file);
    if (cached?.signature === signature) return cached;
    const entries = (await indexMbox(file)).map((m): Located => ({ key: m.key, file, span: { ...m, fileTime: info.mtime } }));
    const index = { signature, entries };
    this.mboxIndex.set(file, index);
    return index;
  }

  /** Resolves true after `ms`, false when `signal` aborts first; rejects when the source closes. */
  private sleep(ms: number, signal: AbortSignal): Promise<boolean> {
    if (this.closed) return Promise.reject(this.closed);
    if (signal.aborted) return Promise.resolve(false);
    return new Promise((resolveSleep, rejectSleep) => {
      const done = (result: boolean | Error) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.closeListeners.delete(onClose);
        if (result instanceof Error) rejectSleep(result);
        else resolveSleep(result);
      };
      const onAbort = () => done(false);
      const onClose = (err: Error) => done(err);
      const timer = setTimeout(() => done(true), ms);
      signal.addEventListener('abort', onAbort, { once: true });
      this.closeListeners.add(onClose);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Layouts: where the folders and messages of each kind of local mailbox are.

interface Located {
  /** Stable name of the message within its folder: the UID state is keyed by it. */
  key: string;
  file: string;
  /** For an mbox: where the message sits in the file. */
  span?: MboxSpan & { fileTime: Date };
}

interface Listing {
  /** Changes whenever a message comes or goes. */
  signature: string;
  /** In the order new messages get their UIDs. */
  entries: Located[];
}

interface Layout {
  kind: LocalLayout;
  folders(): Promise<string[]>;
  /** The canonical name of a folder ("inbox" is "INBOX"); throws for a name that cannot be one. */
  folderName(folder: string): string;
  list(folder: string): Promise<Listing>;
}

interface FolderScan {
  signature: string;
  record: FolderRecord;
  byUid: Map<number, Located>;
  /** Ascending. */
  uids: number[];
}

const isInbox = (folder: string) => folder.toUpperCase() === 'INBOX';

function keysSignature(entries: Located[]): string {
  const hash = createHash('sha256');
  for (const key of entries.map((e) => e.key).sort()) hash.update(key).update('\n');
  return hash.digest('hex');
}

/** A folder of .eml files is INBOX; its subfolders (any depth, "/" between names) are folders. */
function emlLayout(root: string): Layout {
  const folderName = (folder: string) => {
    if (isInbox(folder)) return 'INBOX';
    const parts = folder.split('/');
    if (!folder || parts.some((p) => !p || p.startsWith('.') || p.includes('\\'))) throw new Error(`no folder "${folder}" in ${root}`);
    return folder;
  };
  const dirOf = (folder: string) => (folder === 'INBOX' ? root : join(root, ...folder.split('/')));
  return {
    kind: 'eml',
    folderName,
    async folders() {
      const out = ['INBOX'];
      const walk = async (dir: string, prefix: string) => {
        for (const d of (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('.')).sort(byName)) {
          const name = prefix ? `${prefix}/${d.name}` : d.name;
          out.push(name);
          await walk(join(dir, d.name), name);
        }
      };
      await walk(root, '');
      return out;
    },
    async list(folder) {
      const dir = dirOf(folderName(folder));
      const entries = (await readdir(dir, { withFileTypes: true }))
        .filter((d) => isFileLike(d) && /\.eml$/i.test(d.name) && !d.name.startsWith('.'))
        .sort(byName)
        .map((d) => ({ key: d.name, file: join(dir, d.name) }));
      return { signature: keysSignature(entries), entries };
    },
  };
}

/** A Maildir is INBOX; its Maildir++ subfolders (.Sent, .Archive.2024) are "Sent", "Archive.2024". */
function maildirLayout(root: string): Layout {
  const folderName = (folder: string) => {
    if (isInbox(folder)) return 'INBOX';
    if (!folder || folder.startsWith('.') || /[\\/]/.test(folder)) throw new Error(`no folder "${folder}" in ${root}`);
    return folder;
  };
  return {
    kind: 'maildir',
    folderName,
    async folders() {
      const out = ['INBOX'];
      for (const d of (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory() && /^\.[^.]/.test(d.name)).sort(byName)) {
        if ((await isDirectory(join(root, d.name, 'cur'))) || (await isDirectory(join(root, d.name, 'new')))) out.push(d.name.slice(1));
      }
      return out;
    },
    async list(folder) {
      const name = folderName(folder);
      const dir = name === 'INBOX' ? root : join(root, `.${name}`);
      const byKey = new Map<string, Located>();
      // new/ before cur/: a message a mail client moves from new/ to cur/ meanwhile is seen at least once
      for (const sub of ['new', 'cur']) {
        let found: Dirent[];
        try {
          found = await readdir(join(dir, sub), { withFileTypes: true });
        } catch (err) {
          if (errorCode(err) === 'ENOENT' && (await isDirectory(dir))) continue; // an empty Maildir may lack new/ or cur/
          throw err;
        }
        for (const d of found) {
          if (!isFileLike(d) || d.name.startsWith('.')) continue;
          // the unique name stays; what follows ":" (flags, e.g. ":2,S") changes as the mail is read
          byKey.set(d.name.split(':')[0]!, { key: d.name.split(':')[0]!, file: join(dir, sub, d.name) });
        }
      }
      const entries = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return { signature: keysSignature(entries), entries };
    },
  };
}

/** An mbox file is one folder, INBOX. */
function mboxLayout(file: string, index: (file: string) => Promise<Listing>): Layout {
  return {
    kind: 'mbox',
    folderName(folder) {
      if (!isInbox(folder)) throw new Error(`no folder "${folder}" in ${file} (an mbox file has only INBOX)`);
      return 'INBOX';
    },
    async folders() {
      return ['INBOX'];
    },
    list: () => index(file),
  };
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const isFileLike = (d: Dirent) => d.isFile() || d.isSymbolicLink();

// ---------------------------------------------------------------------------------------------
// mbox: split on "From " lines, undo ">From " quoting (mboxrd), without reading the file whole.

interface MboxSpan {
  /** sha-256 of the message bytes, with "#2", "#3"... for repeats of the same message. */
  key: string;
  /** Byte offset of the message (after its "From " line). */
  offset: number;
  /** Bytes in the file, the separating blank line not included. */
  length: number;
  /** Bytes once unquoted (each ">From " line loses one ">"). */
  size: number;
  /** The date on the "From " line, when it has a readable one. */
  postmark: Date | null;
}

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
/** "From sender Sat Jan  3 01:05:34 1996": a body line "From the team at..." never looks like it. */
const POSTMARK = new RegExp(`^From \\S*\\s+${DAY}\\s+${MONTH}\\s+\\d{1,2}\\s+\\d{1,2}:\\d{2}`);
const LONG_LINE = 64 * 1024;

/**
 * Finds the messages of an mbox file in one streaming pass. A message starts after a "From " line
 * that opens the file or follows a blank line and carries an asctime postmark; the blank line
 * before the next "From " line belongs to the file format, not to the message.
 */
export async function indexMbox(file: string): Promise<MboxSpan[]> {
  const found: MboxSpan[] = [];
  const repeats = new Map<string, number>();
  let current: { offset: number; hash: ReturnType<typeof createHash>; escapes: number; postmark: Date | null } | null = null;
  let pendingBlank: Buffer | null = null; // held back: the last blank line before a "From " line is not content
  let previousBlank = false;
  let midLine = false;

  const finish = (end: number) => {
    if (!current) return;
    const length = end - current.offset - (pendingBlank?.length ?? 0);
    const digest = current.hash.digest('hex').slice(0, 32);
    const seen = (repeats.get(digest) ?? 0) + 1;
    repeats.set(digest, seen);
    found.push({ key: seen === 1 ? digest : `${digest}#${seen}`, offset: current.offset, length, size: length - current.escapes, postmark: current.postmark });
    current = null;
    pendingBlank = null;
  };

  const onLine = (line: Buffer, offset: number, complete: boolean) => {
    const lineStart = !midLine;
    midLine = !complete;
    if (lineStart && line.length >= 5 && line.toString('latin1', 0, 5) === 'From ') {
      const text = line.toString('latin1', 0, Math.min(line.length, 300));
      if (offset === 0 || (previousBlank && POSTMARK.test(text))) {
        finish(offset);
        current = { offset: offset + line.length, hash: createHash('sha256'), escapes: 0, postmark: parsePostmark(text) };
        previousBlank = false;
        return;
      }
    }
    const blank = lineStart && complete && ((line.length === 1 && line[0] === 0x0a) || (line.length === 2 && line[0] === 0x0d && line[1] === 0x0a));
    previousBlank = blank;
    if (!current) return; // stray lines before the first "From " line
    if (pendingBlank) {
      current.hash.update(pendingBlank);
      pendingBlank = null;
    }
    if (blank) {
      pendingBlank = line;
      return;
    }
    current.hash.update(line);
    if (lineStart && line[0] === 0x3e && isQuotedFrom(line, 0)) current.escapes++;
  };

  let carry: Buffer | null = null;
  let position = 0; // file offset of carry[0] (or of the chunk when there is no carry)
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a, start)) {
      onLine(buf.subarray(start, nl + 1), position + start, true);
      start = nl + 1;
    }
    if (buf.length - start > LONG_LINE) {
      onLine(buf.subarray(start), position + start, false); // a huge line (no newline for 64 KB): content
      start = buf.length;
    }
    carry = start < buf.length ? buf.subarray(start) : null;
    position += start;
  }
  if (carry) onLine(carry, position, true);
  finish(position + (carry?.length ?? 0));
  return found;
}

/** ">From ", ">>From "... at `at`: a line an mboxrd writer quoted. */
function isQuotedFrom(buf: Buffer, at: number): boolean {
  let i = at;
  while (i < buf.length && buf[i] === 0x3e) i++;
  return i > at && buf.toString('latin1', i, i + 5) === 'From ';
}

/** Removes one ">" from every line that starts with ">"+ then "From " (mboxrd). */
export function unescapeMboxrd(buf: Buffer): Buffer {
  const parts: Buffer[] = [];
  let copied = 0;
  for (let lineStart = 0; lineStart < buf.length; ) {
    if (buf[lineStart] === 0x3e && isQuotedFrom(buf, lineStart)) {
      parts.push(buf.subarray(copied, lineStart));
      copied = lineStart + 1;
    }
    const nl = buf.indexOf(0x0a, lineStart);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  if (!parts.length) return buf;
  parts.push(buf.subarray(copied));
  return Buffer.concat(parts);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The asctime date of a "From " line, read as UTC unless it carries a numeric offset. */
function parsePostmark(line: string): Date | null {
  const m = new RegExp(`${DAY}\\s+(${MONTH})\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s+(?:([+-]\\d{4}|[A-Z]{2,5})\\s+)?(\\d{4})(?:\\s+([+-]\\d{4}))?`).exec(line);
  if (!m) return null;
  const [, mon, day, hh, mm, ss, zoneBefore, year, zoneAfter] = m;
  const zone = [zoneBefore, zoneAfter].find((z) => z && /^[+-]\d{4}$/.test(z));
  const offsetMin = zone ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) : 0;
  const utc = Date.UTC(Number(year), MONTHS.indexOf(mon!), Number(day), Number(hh), Number(mm), Number(ss ?? 0)) - offsetMin * 60_000;
  return Number.isFinite(utc) ? new Date(utc) : null;
}

function parseDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value.replace(/\([^)]*\)/g, ' ').trim());
  return Number.isFinite(date.getTime()) ? date : null;
}

// ---------------------------------------------------------------------------------------------
// The UID state file.

interface FolderRecord {
  uidValidity: string;
  uidNext: number;
  /** Message key (file name, Maildir unique name, mbox content hash) -> UID. */
  uids: Map<string, number>;
}

interface StateFile {
  source: string;
  folders: Map<string, FolderRecord>;
}

interface StateJson {
  version: number;
  source: string;
  folders: Record<string, { uidValidity: string; uidNext: number; uids: Record<string, number> }>;
}

async function loadState(file: string, source: string): Promise<StateFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return { source, folders: new Map() };
    throw new Error(`cannot read UID state ${file}: ${errorMessage(err)}`);
  }
  try {
    const json = JSON.parse(text) as StateJson;
    if (json.version !== STATE_VERSION || typeof json.folders !== 'object' || json.folders === null) throw new Error(`unknown state version ${String(json.version)}`);
    const folders = new Map<string, FolderRecord>();
    for (const [name, f] of Object.entries(json.folders)) {
      if (typeof f.uidValidity !== 'string' || !Number.isSafeInteger(f.uidNext) || f.uidNext < 1) throw new Error(`bad record for folder "${name}"`);
      const uids = new Map<string, number>();
      for (const [key, uid] of Object.entries(f.uids ?? {})) {
        if (!Number.isSafeInteger(uid) || uid < 1 || uid >= f.uidNext) throw new Error(`bad UID for "${key}" in folder "${name}"`);
        uids.set(key, uid);
      }
      folders.set(name, { uidValidity: f.uidValidity, uidNext: f.uidNext, uids });
    }
    return { source, folders };
  } catch (err) {
    // renumbering silently would make every message look new; a person should look at this
    throw new Error(`UID state ${file} is damaged (${errorMessage(err)}); move it away to start numbering afresh`);
  }
}

async function saveState(file: string, state: StateFile): Promise<void> {
  const json: StateJson = { version: STATE_VERSION, source: state.source, folders: {} };
  const folders = new Map([...state.folders].map(([name, f]) => [name, { uidValidity: f.uidValidity, uidNext: f.uidNext, uids: Object.fromEntries(f.uids) }]));
  json.folders = Object.fromEntries(folders);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(json));
  await rename(temp, file); // atomic: a crash leaves the old state or the new, never half of one
}

// ---------------------------------------------------------------------------------------------

async function readSpan(file: string, offset: number, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await handle.read(buf, got, length - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return got === length ? buf : buf.subarray(0, got);
  } finally {
    await handle.close();
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
