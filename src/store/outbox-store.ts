// What happened to each outgoing email, by its Message-ID: recorded before and after the SMTP
// call, so that a job that runs again after a crash knows whether this very email already went
// out. A record that says 'sent' never goes back; one whose message the SMTP server accepted never
// goes back to plain 'sending'. A short lease per Message-ID keeps two live runs of the same job
// from sending at once. Keys live under `<prefix>:outbox:`.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { OutgoingKind, OutgoingMail } from '../orders/outgoing.js';
import { defineScript, type RedisScript } from './redis.js';

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
 * The one way a record changes. Arguments: record hash, order index, state, at, orderId, kind,
 * error ('' = none), acceptedAt ('' = keep), member, score. Returns the previous record (HGETALL,
 * flat) with whether the new state was written (1/0) as the last element.
 */
const TRANSITION_FN = `
local function transition(rec, idx, state, at, orderId, kind, err, acceptedAt, member, score)
  local prev = redis.call('HGETALL', rec)
  local current = redis.call('HGET', rec, 'state')
  local accepted = redis.call('HGET', rec, 'acceptedAt')
  local wrote = 0
  local keep = (current == 'sent' and state ~= 'sent') or (state == 'sending' and acceptedAt == '' and accepted)
  if not keep then
    redis.call('HSET', rec, 'messageId', member, 'state', state, 'at', at, 'orderId', orderId, 'kind', kind)
    if err ~= '' then redis.call('HSET', rec, 'error', err) else redis.call('HDEL', rec, 'error') end
    if acceptedAt ~= '' then redis.call('HSET', rec, 'acceptedAt', acceptedAt) end
    redis.call('ZADD', idx, 'NX', score, member)
    wrote = 1
  end
  table.insert(prev, wrote)
  return prev
end
`;
/** KEYS: record, order index. ARGV: the transition's from state on. */
const TRANSITION = `${TRANSITION_FN}
return transition(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8])`;
/** KEYS: lease, record, order index. ARGV: token, lease ms, then the transition's. Nil while another run holds the lease. */
const BEGIN = `${TRANSITION_FN}
if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return nil end
return transition(KEYS[2], KEYS[3], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10])`;
/** Lets go of a lease only when it is still held with this token (1 when it was). */
const RELEASE_FN = `
local function release(lease, token)
  if redis.call('GET', lease) == token then return redis.call('DEL', lease) end
  return 0
end
`;
/** KEYS: lease, record, order index. ARGV: token, then the transition's. Releases the lease when still held with token. */
const FINISH = `${TRANSITION_FN}${RELEASE_FN}
local result = transition(KEYS[2], KEYS[3], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9])
release(KEYS[1], ARGV[1])
return result`;
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = `${RELEASE_FN}
return release(KEYS[1], ARGV[1])`;

const STATES: readonly string[] = ['sending', 'sent', 'failed'];

export class OutboxStore {
  private readonly scripts: Record<'transition' | 'begin' | 'finish' | 'renew' | 'release', RedisScript>;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    this.scripts = {
      transition: defineScript(redis, 'owOutboxTransition', TRANSITION),
      begin: defineScript(redis, 'owOutboxBegin', BEGIN),
      finish: defineScript(redis, 'owOutboxFinish', FINISH),
      renew: defineScript(redis, 'owOutboxRenew', RENEW),
      release: defineScript(redis, 'owOutboxRelease', RELEASE),
    };
  }

  /**
   * Takes the message's lease for `leaseMs` and records it as 'sending', in one step: null while
   * another run holds the lease; else the lease token and what was recorded before (see markSending).
   */
  async beginSending(ref: OutboxRef, leaseMs: number, now: Date = new Date()): Promise<{ lease: string; previous: OutboxRecord | null } | null> {
    const lease = randomUUID();
    const reply = await this.scripts.begin([this.leaseKey(ref.messageId), this.recordKey(ref.messageId), this.orderKey(ref.orderId)], [lease, Math.max(1, Math.round(leaseMs)), ...this.transitionArgs(ref, 'sending', now, '', '')]);
    return reply === null ? null : { lease, previous: fromReply(reply as Array<string | number>).previous };
  }

  /** Records the message as sent (accepted at `acceptedAt` when given) and lets go of its lease, in one step. */
  async finishSent(ref: OutboxRef, lease: string, acceptedAt: Date | null, now: Date = new Date()): Promise<void> {
    await this.scripts.finish([this.leaseKey(ref.messageId), this.recordKey(ref.messageId), this.orderKey(ref.orderId)], [lease, ...this.transitionArgs(ref, 'sent', now, '', acceptedAt?.toISOString() ?? '')]);
  }

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
    return (await this.scripts.renew([this.leaseKey(messageId)], [token, Math.max(1, Math.round(ms))])) === 1;
  }

  async releaseLease(messageId: string, token: string): Promise<void> {
    await this.scripts.release([this.leaseKey(messageId)], [token]);
  }

  private async transition(ref: OutboxRef, state: OutboxState, now: Date, error: string, acceptedAt: string): Promise<{ previous: OutboxRecord | null; wrote: boolean }> {
    const reply = await this.scripts.transition([this.recordKey(ref.messageId), this.orderKey(ref.orderId)], this.transitionArgs(ref, state, now, error, acceptedAt));
    return fromReply(reply as Array<string | number>);
  }

  private transitionArgs(ref: OutboxRef, state: OutboxState, now: Date, error: string, acceptedAt: string): string[] {
    return [state, now.toISOString(), ref.orderId, ref.kind, error, acceptedAt, ref.messageId, String(now.getTime())];
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

/** A transition's reply: the previous record's fields, flat, then 1 when the new state was written. */
function fromReply(reply: Array<string | number>): { previous: OutboxRecord | null; wrote: boolean } {
  const wrote = reply[reply.length - 1] === 1;
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < reply.length - 1; i += 2) fields[String(reply[i])] = String(reply[i + 1]);
  return { previous: toRecord(fields), wrote };
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
