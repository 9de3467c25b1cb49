// Every Redis key orderwatch writes, in one place, under the install's prefix.

export class Keys {
  constructor(readonly prefix: string) {}

  order(id: string): string {
    return `${this.prefix}:order:${id}`;
  }
  /** Sorted set of order ids by creation time. */
  orders(): string {
    return `${this.prefix}:orders`;
  }
  /** Set of order ids that carry this order number. */
  byNumber(orderNumber: string): string {
    return `${this.prefix}:idx:number:${orderNumber.toLowerCase()}`;
  }
  /** Order id that a message (incoming or outgoing) belongs to. */
  byMessageId(messageId: string): string {
    return `${this.prefix}:idx:msgid:${messageId}`;
  }
  /** Hash: uidValidity, lastUid of one watched folder. */
  folder(account: string, folder: string): string {
    return `${this.prefix}:folder:${account}:${folder}`;
  }
  /** Raw bytes of a fetched message, waiting for its ingest job. */
  raw(jobId: string): string {
    return `${this.prefix}:raw:${jobId}`;
  }
  /** Hash: Message-ID -> where it was first ingested, so one mail in two folders counts once. */
  seen(account: string): string {
    return `${this.prefix}:seen:${account}`;
  }
  /** Set of shop domains that have sent order mail: all their mail is worth reading. */
  shops(): string {
    return `${this.prefix}:shops`;
  }
  /**
   * List of mail (JSON MessageRef) from one sender passed over in a scan of this folder: read once
   * the sender turns out to be a shop, even after a restart.
   */
  passedOver(account: string, folder: string, uidValidity: string, sender: string): string {
    return `${this.prefix}:passed:${account}:${folder}:${uidValidity}:${sender}`;
  }
  /** Set of the senders that have a passedOver list in this folder. */
  passedOverSenders(account: string, folder: string, uidValidity: string): string {
    return `${this.prefix}:passed-senders:${account}:${folder}:${uidValidity}`;
  }
  /** Hash: message location -> why it was set aside (unparseable, oversized, unmatched). */
  setAside(): string {
    return `${this.prefix}:setaside`;
  }
}
