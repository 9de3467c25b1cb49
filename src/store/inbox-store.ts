// What the sync and ingest workers remember about the mailbox: where each folder's scan stands,
// which messages were ingested (by Message-ID), the raw bytes handed from sync to ingest, the shops
// seen and the mail passed over until its sender proves to be one, and the mail set aside with its
// reason.
import type { Redis } from 'ioredis';
import type { MessageRef } from '../mail/source.js';
import type { Keys } from './keys.js';

export interface FolderProgress {
  uidValidity: string;
  /** Every message with a UID up to this one has been looked at. */
  lastUid: number;
}

export interface SetAsideEntry {
  account: string;
  folder: string;
  uid: number;
  messageId: string | null;
  subject: string;
  reason: string;
  at: string;
}

/** Passed-over mail kept per sender: enough for a shop's recent mail, bounded for a chatty sender. */
const PASSED_OVER_PER_SENDER = 200;
/** A sender silent this long is forgotten with what was passed over from it (refreshed on each new mail). */
const PASSED_OVER_TTL_SECONDS = 180 * 24 * 3600;

/** Raw messages wait at most this long for their ingest job. */
const RAW_TTL_SECONDS = 14 * 24 * 3600;

export class InboxStore {
  constructor(private readonly redis: Redis, private readonly keys: Keys) {}

  async folderProgress(account: string, folder: string): Promise<FolderProgress | null> {
    const h = await this.redis.hgetall(this.keys.folder(account, folder));
    return h.uidValidity ? { uidValidity: h.uidValidity, lastUid: Number(h.lastUid ?? 0) } : null;
  }

  async saveFolderProgress(account: string, folder: string, progress: FolderProgress): Promise<void> {
    await this.redis.hset(this.keys.folder(account, folder), { uidValidity: progress.uidValidity, lastUid: String(progress.lastUid) });
  }

  async putRaw(jobId: string, source: Buffer): Promise<void> {
    await this.redis.set(this.keys.raw(jobId), source, 'EX', RAW_TTL_SECONDS);
  }

  async getRaw(jobId: string): Promise<Buffer | null> {
    return this.redis.getBuffer(this.keys.raw(jobId));
  }

  async dropRaw(jobId: string): Promise<void> {
    await this.redis.del(this.keys.raw(jobId));
  }

  /**
   * Claims a Message-ID for a message location. Returns the location that holds it: this one when
   * the claim is new (or repeated), another one when the same mail was ingested from elsewhere.
   */
  async claimMessageId(account: string, messageId: string, location: string): Promise<string> {
    const replies = await this.redis.multi().hsetnx(this.keys.seen(account), messageId, location).hget(this.keys.seen(account), messageId).exec();
    const holder = replies?.[1]?.[1];
    return typeof holder === 'string' ? holder : location;
  }

  async addShops(domains: Iterable<string>): Promise<void> {
    const list = [...domains];
    if (list.length > 0) await this.redis.sadd(this.keys.shops(), ...list);
  }

  async shops(): Promise<Set<string>> {
    return new Set(await this.redis.smembers(this.keys.shops()));
  }

  /** Remembers mail passed over from senders not (yet) known as shops (see Keys.passedOver). */
  async passOver(account: string, folder: string, uidValidity: string, entries: { sender: string; message: MessageRef }[]): Promise<void> {
    if (entries.length === 0) return;
    const tx = this.redis.multi();
    for (const { sender, message } of entries) {
      const ref: MessageRef = { uid: message.uid, size: message.size, messageId: message.messageId, subject: message.subject };
      const list = this.keys.passedOver(account, folder, uidValidity, sender);
      tx.rpush(list, JSON.stringify(ref)).ltrim(list, -PASSED_OVER_PER_SENDER, -1).expire(list, PASSED_OVER_TTL_SECONDS);
      tx.sadd(this.keys.passedOverSenders(account, folder, uidValidity), sender);
    }
    tx.expire(this.keys.passedOverSenders(account, folder, uidValidity), PASSED_OVER_TTL_SECONDS);
    await tx.exec();
  }

  /** What was passed over from these senders, each message once. */
  async passedOverFrom(account: string, folder: string, uidValidity: string, senders: Iterable<string>): Promise<MessageRef[]> {
    const tx = this.redis.multi();
    for (const sender of senders) tx.lrange(this.keys.passedOver(account, folder, uidValidity, sender), 0, -1);
    const lists = ((await tx.exec()) ?? []).flatMap(([, list]) => list as string[]);
    const byUid = new Map(lists.map((json) => JSON.parse(json) as MessageRef).map((r) => [r.uid, r]));
    return [...byUid.values()].sort((x, y) => x.uid - y.uid);
  }

  /** Senders with passed-over mail in this folder that are now known shops. */
  async passedOverShops(account: string, folder: string, uidValidity: string): Promise<string[]> {
    return this.redis.sinter(this.keys.passedOverSenders(account, folder, uidValidity), this.keys.shops());
  }

  async forgetPassedOver(account: string, folder: string, uidValidity: string, senders: Iterable<string>): Promise<void> {
    const list = [...senders];
    if (list.length === 0) return;
    await this.redis
      .multi()
      .del(...list.map((s) => this.keys.passedOver(account, folder, uidValidity, s)))
      .srem(this.keys.passedOverSenders(account, folder, uidValidity), ...list)
      .exec();
  }

  /** After a UIDVALIDITY change the old UIDs mean nothing. */
  async dropPassedOver(account: string, folder: string, uidValidity: string): Promise<void> {
    await this.forgetPassedOver(account, folder, uidValidity, await this.redis.smembers(this.keys.passedOverSenders(account, folder, uidValidity)));
  }

  async setAside(entry: SetAsideEntry): Promise<void> {
    await this.redis.hset(this.keys.setAside(), `${entry.account}/${entry.folder}/${entry.uid}`, JSON.stringify(entry));
  }

  async setAsideEntries(): Promise<SetAsideEntry[]> {
    const all = await this.redis.hvals(this.keys.setAside());
    return all.map((v) => JSON.parse(v) as SetAsideEntry).sort((a, b) => a.at.localeCompare(b.at));
  }
}
