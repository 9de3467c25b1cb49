// A mailbox the sync worker reads: an IMAP account, or a local folder of .eml files, a Maildir or
// an mbox file (the embedded default). Both give messages stable (uidValidity, uid) addresses, so
// the rest of the system never needs to know which one it talks to.

export interface FolderState {
  /** Changes when the server renumbers the folder: every stored UID is then void. */
  uidValidity: string;
  /** The UID the next new message will get (all existing UIDs are below it). */
  uidNext: number;
  /** Number of messages in the folder. */
  exists: number;
}

/** What the sync worker looks at before deciding to download a message. */
export interface MessageSummary {
  uid: number;
  /** Bytes of the whole message. */
  size: number;
  /** Internal (arrival) date. */
  receivedAt: Date;
  messageId: string | null;
  subject: string;
  from: string | null;
  /** Raw values of the headers named in HEADER_FIELDS, lower-case names. */
  headers: Record<string, string>;
}

/** Enough of a message to fetch it later and to name it in a job or a set-aside entry. */
export type MessageRef = Pick<MessageSummary, 'uid' | 'size' | 'messageId' | 'subject'>;

/** Headers fetched for every message during a scan (cheap: no body is downloaded). */
export const HEADER_FIELDS = ['from', 'subject', 'message-id', 'list-unsubscribe', 'list-id', 'precedence', 'in-reply-to', 'references', 'auto-submitted'] as const;

export interface FetchedMessage {
  uid: number;
  /** The whole raw message. */
  source: Buffer;
}

export interface MailboxSource {
  /** A short, credential-free name for logs and keys, e.g. "imap:robin@mail.example.net" or "local:fixtures/inbox". */
  readonly id: string;
  connect(): Promise<void>;
  /** Folders that exist, by their full path. */
  listFolders(): Promise<string[]>;
  /** Opens a folder (read-only) and says where it stands. */
  openFolder(folder: string): Promise<FolderState>;
  /** Summaries of the messages with UID >= fromUid received since `since`, in UID order, in batches. */
  summaries(folder: string, options: { fromUid: number; since: Date | null; batchSize?: number }): AsyncIterable<MessageSummary[]>;
  /** The full messages with the given UIDs (missing ones are skipped), in batches. */
  fetch(folder: string, uids: number[]): AsyncIterable<FetchedMessage>;
  /**
   * Resolves when the folder may have changed (new mail, expunge), or after `timeoutMs` at the
   * latest: IDLE on IMAP, a poll on local sources. Rejects when the connection is lost.
   */
  waitForChange(folder: string, timeoutMs: number, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}
