// Turns the one mailbox setting a user writes into a MailboxSource: an imap:// or imaps:// URL
// (credentials inside, URL-encoded) or the path of local mail. Also the safe spelling of that
// setting for logs, since the URL carries a password.
import { fileURLToPath } from 'node:url';
import { ImapSource, type ImapSettings, type SourceLogger } from './imap-source.js';
import { detectLocalLayout, LocalSource } from './local-source.js';
import type { MailboxSource } from './source.js';

export interface OpenSourceOptions {
  /** imapflow's log goes here (password redacted); local sources do not log. */
  logger?: SourceLogger;
  /** How often a local source polls for changes. */
  pollIntervalMs?: number;
}

/**
 * `imap://user:pass@host[:port]` (STARTTLS when offered, port 143 by default) or `imaps://...`
 * (TLS, port 993) gives an ImapSource; a `file:` URL or any other string is a local path: a folder
 * of .eml files, a Maildir or an mbox file, told apart by what is there, with its UID state kept
 * in `stateDir`. Nothing connects yet. Throws, naming the spec without its password, for a
 * malformed URL or a missing path.
 */
export async function openSource(spec: string, stateDir: string, options: OpenSourceOptions = {}): Promise<MailboxSource> {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(spec)?.[1]?.toLowerCase();
  if (scheme === 'imap' || scheme === 'imaps') return new ImapSource({ ...imapSettings(spec), ...(options.logger ? { logger: options.logger } : {}) });
  if (scheme && scheme !== 'file') throw new Error(`unsupported mailbox URL ${describeSource(spec)}: use imap://, imaps:// or a local path`);
  const path = scheme === 'file' ? fileURLToPath(spec) : spec;
  await detectLocalLayout(path); // a clear error naming the path, now rather than at connect()
  return new LocalSource({ path, stateDir, ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}) });
}

/** The connection settings in an imap:// or imaps:// URL, user name and password URL-decoded. */
export function imapSettings(spec: string): ImapSettings {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new Error(`malformed mailbox URL ${describeSource(spec)} (characters such as @ : / in the password must be URL-encoded)`);
  }
  const secure = url.protocol === 'imaps:';
  const decode = (part: string, what: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new Error(`malformed ${what} encoding in mailbox URL ${describeSource(spec)}`);
    }
  };
  const user = decode(url.username, 'user name');
  const password = decode(url.password, 'password');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new Error(`mailbox URL ${describeSource(spec)} names no host`);
  if (!user) throw new Error(`mailbox URL ${describeSource(spec)} names no user (imap://user:password@host)`);
  return { host, port: url.port ? Number(url.port) : secure ? 993 : 143, secure, user, password };
}

/** The spec with the password of an imap(s) URL replaced by "***"; anything else unchanged. */
export function describeSource(spec: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is.exec(spec);
  if (!m) return spec;
  const [, scheme, authority, rest] = m as unknown as [string, string, string, string];
  const at = authority.lastIndexOf('@');
  if (at < 0) return spec;
  const userinfo = authority.slice(0, at);
  const colon = userinfo.indexOf(':');
  if (colon < 0) return spec;
  return `${scheme}${userinfo.slice(0, colon)}:***${authority.slice(at)}${rest}`;
}
