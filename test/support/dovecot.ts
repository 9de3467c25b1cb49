// A real Dovecot IMAP server per test suite, from a throwaway config in a temp dir: its own port on
// 127.0.0.1, its own users (a static password file) and Maildirs, so suites in parallel never share
// state and nothing outside the temp dir is read or written. Tests deliver mail by dropping files into
// a Maildir, which is what an MTA does, and which an idling client is told about.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, chmod, chown, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { firstLine, freePort, LOOPBACK } from './ports.js';
import { makeTempDir, removeDir, serverBinary, spawnServer, waitUntil, type ServerProcess } from './processes.js';

export interface DovecotOptions {
  /** user name -> password; default `{ alice: 'alice-password' }`. More with addUser(). */
  users?: Record<string, string>;
}

/** What ImapFlow's constructor needs to log in as one of the server's users. */
export interface ImapLogin {
  host: string;
  port: number;
  secure: false;
  auth: { user: string; pass: string };
  logger: false;
}

export interface TestDovecot {
  readonly host: string;
  readonly port: number;
  /** user name -> password, kept current by addUser(). */
  readonly users: Readonly<Record<string, string>>;
  /** `new ImapFlow(dovecot.login('alice'))`. */
  login(user: string): ImapLogin;
  /** Adds a user; resolves once Dovecot will accept its login (within a second, no restart). */
  addUser(name: string, password: string): Promise<void>;
  /** Delivers one message the way an MTA does: a file moved into the folder's Maildir new/. Returns its file name. */
  deliver(user: string, folder: string, rawMessage: string | Buffer): Promise<string>;
  /** Creates a folder on disk (`A/B` is a subfolder, the IMAP separator is `/`); a no-op when it exists. */
  createFolder(user: string, name: string): Promise<void>;
  /** Makes Dovecot assign a new UIDVALIDITY (and new UIDs) to a folder: stops, deletes its uid list and indexes, starts (clients are dropped). */
  resetUidValidity(user: string, folder: string): Promise<void>;
  /** Stops and starts the server on the same port; the mail stays. Connected clients are dropped. */
  restart(): Promise<void>;
  /** Stops the server and every process it forked, and removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
  /** Dovecot's own log, for failure messages. */
  logText(): string;
}

const START_TIMEOUT_MS = 20_000;
const PORT_ATTEMPTS = 3;
const MAIL_USER = 'vmail';
const DEFAULT_USERS: Record<string, string> = { alice: 'alice-password' };
const USER_NAME = /^[A-Za-z0-9_][A-Za-z0-9._@+-]*$/;
// Maildir++ stores folder A/B as directory ".A.B", so "." cannot be part of a name here.
const FOLDER_SEGMENT = /^[^./\\\r\n\t]+$/;
let deliveries = 0;

interface Owner {
  uid: number;
  gid: number;
  /** root: Dovecot's own service users; otherwise everything runs as the invoking user. */
  rootless: { user: string; group: string } | null;
}

/**
 * Dovecot refuses to run mail processes as root: as root, mail belongs to the system user `vmail`
 * (made by scripts/ensure-services.mjs). As another user, Dovecot runs entirely as that user.
 */
function mailOwner(): Owner {
  const me = userInfo();
  if (me.uid !== 0) {
    const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
    return { uid: me.uid, gid: me.gid, rootless: { user: me.username, group } };
  }
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${MAIL_USER}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error(`startDovecot: no system user "${MAIL_USER}" for mail processes: run \`node scripts/ensure-services.mjs\``);
  }
  return { uid: Number(uid), gid: Number(gid), rootless: null };
}

function configText(dir: string, port: number, owner: Owner): string {
  const lines = [
    '# Throwaway config written by test/support/dovecot.ts; removed with its directory on stop().',
    `instance_name = ${basename(dir)}`,
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${dir}/dovecot.log`,
    'protocols = imap',
    `listen = ${LOOPBACK}`,
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    // A wrong password is answered at once (in 0.5 s) instead of after 2 s; see also anvil below.
    'auth_failure_delay = 0',
    `mail_location = maildir:${dir}/mail/%u/Maildir`,
    `mail_uid = ${owner.uid}`,
    `mail_gid = ${owner.gid}`,
    `first_valid_uid = ${owner.uid}`,
    'last_valid_uid = 0',
    `first_valid_gid = ${owner.gid}`,
    'last_valid_gid = 0',
    // Dovecot watches Maildirs with inotify while a client idles; this is the fallback poll.
    'mailbox_idle_check_interval = 1 secs',
    ...(owner.rootless
      ? [
          `default_internal_user = ${owner.rootless.user}`,
          `default_internal_group = ${owner.rootless.group}`,
          `default_login_user = ${owner.rootless.user}`,
        ]
      : []),
    'namespace inbox {',
    '  inbox = yes',
    '  separator = /',
    '}',
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${dir}/users`,
    '}',
    'userdb {',
    '  driver = passwd-file',
    `  args = username_format=%u ${dir}/users`,
    '}',
    'protocol imap {',
    // several clients of one user from one address (the default 10 is low for parallel tests)
    '  mail_max_userip_connections = 100',
    '}',
    'service imap-login {',
    '  chroot =',
    '  inet_listener imap {',
    `    address = ${LOOPBACK}`,
    `    port = ${port}`,
    '  }',
    '  inet_listener imaps {',
    '    port = 0',
    '  }',
    '}',
    'service anvil {',
    '  chroot =',
    // Moving this socket away turns off the auth penalty: after a failed login Dovecot would hold
    // every later login from 127.0.0.1 (that is, every test) for 2 to 15 s.
    '  unix_listener anvil-auth-penalty {',
    '    path = anvil-auth-penalty-off',
    '  }',
    '}',
    '',
  ];
  return lines.join('\n');
}

function passwdLine(name: string, password: string): string {
  if (!USER_NAME.test(name)) throw new Error(`dovecot: invalid user name ${JSON.stringify(name)}`);
  if (/[:\r\n]/.test(password)) throw new Error('dovecot: a password cannot contain ":" or a line break');
  return `${name}:{PLAIN}${password}:::::\n`;
}

function isInbox(folder: string): boolean {
  return folder.toUpperCase() === 'INBOX';
}

export async function startDovecot(opts: DovecotOptions = {}): Promise<TestDovecot> {
  const owner = mailOwner();
  const binary = serverBinary('dovecot');
  const dir = makeTempDir('dovecot');
  const users: Record<string, string> = {};
  const configFile = join(dir, 'dovecot.conf');
  const mailRoot = join(dir, 'mail');
  const logFile = join(dir, 'dovecot.log');

  const logText = (): string => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const chownMail = (path: string): Promise<void> => (owner.rootless ? Promise.resolve() : chown(path, owner.uid, owner.gid));

  /** mkdir that hands what it created to the mail user */
  async function mkdirOwned(path: string): Promise<void> {
    try {
      await mkdir(path, { mode: 0o700 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return;
      throw err;
    }
    await chownMail(path);
  }

  function maildir(user: string): string {
    if (!(user in users)) throw new Error(`dovecot: unknown user ${JSON.stringify(user)} (add it with addUser)`);
    return join(mailRoot, user, 'Maildir');
  }

  function folderDir(user: string, folder: string): string {
    if (isInbox(folder)) return maildir(user);
    const segments = folder.split('/');
    if (!segments.every((s) => FOLDER_SEGMENT.test(s))) {
      throw new Error(`dovecot: folder name ${JSON.stringify(folder)} not supported here (no ".", "\\" or empty levels)`);
    }
    return join(maildir(user), `.${segments.join('.')}`);
  }

  async function ensureFolder(user: string, folder: string): Promise<string> {
    const box = folderDir(user, folder);
    await mkdirOwned(join(mailRoot, user));
    await mkdirOwned(maildir(user));
    for (const sub of ['cur', 'new', 'tmp']) await mkdirOwned(join(maildir(user), sub));
    if (box !== maildir(user)) {
      await mkdirOwned(box);
      for (const sub of ['cur', 'new', 'tmp']) await mkdirOwned(join(box, sub));
      const marker = join(box, 'maildirfolder');
      if (!existsSync(marker)) {
        await writeFile(marker, '', { mode: 0o600 });
        await chownMail(marker);
      }
    }
    return box;
  }

  let server: ServerProcess | undefined;
  let port = 0;

  async function startProcess(): Promise<void> {
    await writeFile(configFile, configText(dir, port, owner), { mode: 0o644 });
    const proc = spawnServer(binary, ['-F', '-c', configFile]);
    server = proc;
    try {
      await waitUntil(`dovecot on ${LOOPBACK}:${port}`, proc, async () => (await firstLine(port)).startsWith('* OK'), START_TIMEOUT_MS, () =>
        [proc.output(), logText()].filter(Boolean).join('\n'),
      );
    } catch (err) {
      await proc.stop();
      server = undefined;
      throw err;
    }
  }

  async function stopProcess(): Promise<void> {
    const proc = server;
    server = undefined;
    if (proc) await proc.stop();
  }

  try {
    // Dovecot's unprivileged processes (auth, imap-login, imap as vmail) must reach into the temp dir.
    await chmod(dir, 0o755);
    await mkdir(mailRoot, { mode: 0o700 });
    await chownMail(mailRoot);
    for (const [name, password] of Object.entries(opts.users ?? DEFAULT_USERS)) {
      await writeFile(join(dir, 'users'), passwdLine(name, password), { flag: 'a', mode: 0o644 });
      users[name] = password;
    }
    if (!existsSync(join(dir, 'users'))) await writeFile(join(dir, 'users'), '', { mode: 0o644 });

    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await startProcess();
        break;
      } catch (err) {
        // another process took the port between freePort() and Dovecot's bind: pick another one
        if (attempt < PORT_ATTEMPTS && /address already in use/i.test(String(err))) continue;
        throw err;
      }
    }
  } catch (err) {
    await stopProcess();
    removeDir(dir);
    throw err;
  }

  let stopping: Promise<void> | undefined;

  return {
    host: LOOPBACK,
    get port() {
      return port;
    },
    users,
    login(user) {
      const pass = users[user];
      if (pass === undefined) throw new Error(`dovecot: unknown user ${JSON.stringify(user)}`);
      return { host: LOOPBACK, port, secure: false, auth: { user, pass }, logger: false };
    },
    async addUser(name, password) {
      if (name in users) throw new Error(`dovecot: user ${name} exists already`);
      await appendFile(join(dir, 'users'), passwdLine(name, password));
      users[name] = password;
      // Dovecot's auth process stats the password file at most once per second of its clock: a
      // login in the second of the append may still be judged on the old file. From the next
      // second on, the change (the file grew) is seen for sure.
      await sleep(1_000 - (Date.now() % 1_000) + 20);
    },
    async deliver(user, folder, rawMessage) {
      const box = await ensureFolder(user, folder);
      const now = process.hrtime.bigint();
      const name = `${Math.floor(Date.now() / 1000)}.M${now % 1_000_000n}P${process.pid}Q${++deliveries}.orderwatch-test`;
      const staged = join(box, 'tmp', name);
      await writeFile(staged, rawMessage, { mode: 0o600 });
      await chownMail(staged);
      // Maildir protocol: write in tmp/, then rename into new/, so Dovecot never sees half a file.
      await rename(staged, join(box, 'new', name));
      return name;
    },
    async createFolder(user, name) {
      if (isInbox(name)) return;
      await ensureFolder(user, name);
    },
    async resetUidValidity(user, folder) {
      const box = folderDir(user, folder);
      if (!existsSync(box)) throw new Error(`dovecot: ${user} has no folder ${JSON.stringify(folder)}`);
      await stopProcess();
      const stale = (f: string): boolean => f === 'dovecot-uidlist' || f.startsWith('dovecot-uidlist.') || f.startsWith('dovecot.index');
      for (const f of await readdir(box)) if (stale(f)) await rm(join(box, f), { force: true });
      // the mailbox list index, when Dovecot keeps one, caches UIDVALIDITY too
      for (const f of await readdir(maildir(user))) if (f.startsWith('dovecot.list.index')) await rm(join(maildir(user), f), { force: true });
      await startProcess();
    },
    async restart() {
      await stopProcess();
      await startProcess();
    },
    stop() {
      stopping ??= stopProcess().finally(() => removeDir(dir));
      return stopping;
    },
    logText,
  };
}

