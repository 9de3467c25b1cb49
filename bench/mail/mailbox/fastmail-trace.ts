// What the servers on the way add to every message of the backfill mailbox but order confirmations
// (which bring their own trace): Return-Path, Received chain, Authentication-Results, DKIM.
import { foldHeader, rfc2822Date } from '../headers.js';
import type { Rng } from '../rng.js';
import { OWNER } from './people.js';

/** The trace a message picks up on its way into the owner's mailbox (Fastmail-style). */
export function trace(rng: Rng, ms: number, fromHost: string, ip: string, returnPath: string, dkimDomains: string[]): string[] {
  const date = rfc2822Date(ms + rng.int(1, 30) * 1000, 0);
  const lines = [
    `Return-Path: <${returnPath}>`,
    `Received: from compute${rng.int(1, 9)}.internal (compute${rng.int(1, 9)}.nyi.internal [10.202.2.${rng.int(2, 250)}])\r\n\t by mailbox.nyi.internal (Cyrus 3.11.0) with LMTPA;\r\n\t ${date}`,
    `X-Delivered-to: ${OWNER.address}`,
    `Received: from mx${rng.int(1, 6)}.messagingengine.com ([10.202.2.${rng.int(2, 250)}])\r\n  by compute${rng.int(1, 9)}.internal (LMTPProxy); ${date}`,
    `Received: from ${fromHost} (${fromHost} [${ip}])\r\n\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))\r\n\t(No client certificate requested)\r\n\tby mx${rng.int(1, 6)}.messagingengine.com (Postfix) with ESMTPS id ${rng.hex(10).toUpperCase()}\r\n\tfor <${OWNER.address}>; ${date}`,
    foldHeader(`Authentication-Results: mx${rng.int(1, 6)}.messagingengine.com; dkim=pass (2048-bit rsa key sha256) header.d=${dkimDomains[0] ?? 'example.com'} header.i=@${dkimDomains[0] ?? 'example.com'} header.b=${rng.b64(8)}; spf=pass smtp.mailfrom=${returnPath.split('@')[1] ?? ''}; dmarc=pass policy.published-domain-policy=none`),
  ];
  for (const d of dkimDomains) {
    // signers break the b= value inside (whitespace there does not count)
    const b = `${rng.b64(342)}==`.match(/.{1,72}/g)!.join('\r\n\t ');
    lines.push(`${foldHeader(`DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=${d}; s=${rng.pick(['s1', 'k1', '20230601', 'google', 'selector1'])}; t=${Math.floor(ms / 1000)}; h=from:to:subject:date:message-id:mime-version:content-type; bh=${rng.b64(43)}=;`)}\r\n\t b=${b}`);
  }
  return lines;
}

/** A public IPv4 address for the sending host. */
export function ip(rng: Rng): string {
  return `${rng.int(23, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}
