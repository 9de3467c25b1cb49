// What happened to each outgoing email, by its Message-ID: recorded before and after the SMTP
// call, so that a job that runs again after a crash knows whether this very email already went
// out. A record that says 'sent' never goes back; one whose message the SMTP server accepted never
// goes back to plain 'sending'. A short lease per Message-ID keeps two live runs of the same job
// from sending at once. Keys live under `<prefix>:outbox:`.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { OutgoingKind, OutgoingMail } from '../orders/outgoing.js';

export type OutboxState = 'sending' | 'sent' | 'failed';

export interface OutboxRecord {
  messageId: string;
  /**
   * 'sending': recorded before the SMTP call; the outcome is not known yet (or the run crashed).
   * 'sent': delivered, and copied to the Sent folder when that was asked for.
   * 'failed': the SMTP server refused it for good (5xx); `error` says what it answered.
   */
  state: OutboxState;
  orderId: string;
  kind: OutgoingKind;
  /** When the state was last recorded (ISO 8601). */
  at: string;
  /** The permanent failure, as the server gave it ('failed' only). */
  error?: string;
  /**
   * Set once the SMTP server accepted the message (which is dated with this instant): the
   * message is out, whatever state says; only its Sent copy may still be missing.
   */
  acceptedAt?: string;
}

/** What a record is about: the fields of the mail that the store keeps. */
export type OutboxRef = Pick<OutgoingMail, 'messageId' | 'orderId' | 'kind'>;

/**
 * KEYS: record hash, order index. ARGV: state, at, orderId, kind, error ('' = none),
 * acceptedAt ('' = keep), member, score. Returns the previous record (HGETALL, flat) and whether
 * the new state was written (1/0) as the last element.
 */
const TRANSITION = `
local prev = redis.call('HGETALL', KEYS[1])
local state = redis.call('HGET', KEYS[1], 'state')
local accepted = redis.call('HGET', KEYS[1], 'acceptedAt')
local wrote = 0
local keep = (state == 'sent' and ARGV[1] ~= 'sent') or (ARGV[1] == 'sending' and ARGV[6] == '' and accepted)
if not keep then
  redis.call('HSET', KEYS[1], 'messageId', ARGV[7], 'state', ARGV[1], 'at', ARGV[2], 'orderId', ARGV[3], 'kind', ARGV[4])
  if ARGV[5] ~= '' then redis.call('HSET', KEYS[1], 'error', ARGV[5]) else redis.call('HDEL', KEYS[1], 'error') end
  if ARGV[6] ~= '' then redis.call('HSET', KEYS[1], 'acceptedAt', ARGV[6]) end
  redis.call('ZADD', KEYS[2], 'NX', ARGV[8], ARGV[7])
  wrote = 1
end
table.insert(prev, wrote)
return prev
`;
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

const STATES: readonly string[] = ['sending', 'sent', 'failed'];

export class OutboxStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  /**
   * Records that `ref` is about to be handed to SMTP and returns what was recorded before (null
   * for a first attempt). A message already delivered stays as it is, so the returned record
   * tells the caller what to do: 'sent' -> nothing; `acceptedAt` set -> only the Sent copy;
   * 'sending' -> the outcome of an earlier attempt is unknown.
   */
  async markSending(ref: OutboxRef, now: Date = new Date()): Promise<OutboxRecord | null> {
    return (await this.transition(ref, 'sending', now, '', '')).previous;
  }

  /** Records that the SMTP server accepted the message, dated `acceptedAt`; the state stays 'sending' until the Sent copy is stored. */
  async markAccepted(ref: OutboxRef, acceptedAt: Date, now: Date = new Date()): Promise<void> {
    await this.transition(ref, 'sending', now, '', acceptedAt.toISOString());
  }

  async markSent(ref: OutboxRef, now: Date = new Date()): Promise<void> {
    await this.transition(ref, 'sent', now, '', '');
  }

  /** Records a permanent failure; ignored when the message is already recorded as sent. */
  async markFailed(ref: OutboxRef, error: string, now: Date = new Date()): Promise<void> {
    await this.transition(ref, 'failed', now, error || 'failed', '');
  }

  async get(messageId: string): Promise<OutboxRecord | null> {
    return toRecord(await this.redis.hgetall(this.recordKey(messageId)));
  }

  /** Every outgoing email of an order, in the order they were first recorded. */
  async listByOrder(orderId: string): Promise<OutboxRecord[]> {
    const ids = await this.redis.zrange(this.orderKey(orderId), '0', '-1');
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.recordKey(id));
    const results = (await pipeline.exec()) ?? [];
    const records: OutboxRecord[] = [];
    for (const [err, value] of results) {
      if (err) throw err;
      const record = toRecord(value as Record<string, string>);
      if (record) records.push(record);
    }
    return records;
  }

  /**
   * Takes the per-message lease for `ms` milliseconds: a token when taken, null while another
   * run holds it. A holder that dies loses it when it expires.
   */
  async acquireLease(messageId: string, ms: number): Promise<string | null> {
    const token = randomUUID();
    const ok = await this.redis.set(this.leaseKey(messageId), token, 'PX', Math.max(1, Math.round(ms)), 'NX');
    return ok ? token : null;
  }

  /** Extends a lease still held with `token`; false when it expired or was taken over. */
  async renewLease(messageId: string, token: string, ms: number): Promise<boolean> {
    return (await this.redis.eval(RENEW, 1, this.leaseKey(messageId), token, String(Math.max(1, Math.round(ms))))) === 1;
  }

  async releaseLease(messageId: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.leaseKey(messageId), token);
  }

  private async transition(ref: OutboxRef, state: OutboxState, now: Date, error: string, acceptedAt: string): Promise<{ previous: OutboxRecord | null; wrote: boolean }> {
    const reply = (await this.redis.eval(
      TRANSITION,
      2,
      this.recordKey(ref.messageId),
      this.orderKey(ref.orderId),
      state,
      now.toISOString(),
      ref.orderId,
      ref.kind,
      error,
      acceptedAt,
      ref.messageId,
      String(now.getTime()),
    )) as Array<string | number>;
    const wrote = reply.pop() === 1;
    const fields: Record<string, string> = {};
    for (let i = 0; i + 1 < reply.length; i += 2) fields[String(reply[i])] = String(reply[i + 1]);
    return { previous: toRecord(fields), wrote };
  }

  private recordKey(messageId: string): string {
    return `${this.prefix}:outbox:msg:${messageId}`;
  }

  /** Sorted set: Message-IDs of one order, scored by when each was first recorded. */
  private orderKey(orderId: string): string {
    return `${this.prefix}:outbox:order:${orderId}`;
  }

  private leaseKey(messageId: string): string {
    return `${this.prefix}:outbox:lease:${messageId}`;
  }
}

function toRecord(h: Record<string, string>): OutboxRecord | null {
  if (!h.messageId || !h.state || !STATES.includes(h.state)) return null;
  const record: OutboxRecord = {
    messageId: h.messageId,
    state: h.state as OutboxState,
    orderId: h.orderId ?? '',
    kind: h.kind as OutgoingKind,
    at: h.at ?? '',
  };
  if (h.error) record.error = h.error;
  if (h.acceptedAt) record.acceptedAt = h.acceptedAt;
  return record;
}
