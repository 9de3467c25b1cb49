// The headers a composer does not write, added as the servers on the way add them: the
// Return-Path, the Received chain from the shop's app through its ESP to the customer's provider
// (Gmail or another), Authentication-Results, ARC, and the DKIM-Signatures of shop and ESP.
import { rfc2822Date } from '../headers.js';
import type { Rng } from '../rng.js';
import type { Order } from './order.js';

function fold(name: string, value: string, width = 76): string {
  // Folds at spaces, as RFC 5322 allows; only a signature's b= value is broken inside, as DKIM
  // signers do (whitespace inside b= is ignored by verifiers).
  const out: string[] = [];
  let line = `${name}:`;
  for (const token of value.split(' ')) {
    if (line.length + 1 + token.length > width && line.trim().length > name.length + 1) {
      out.push(line);
      line = '\t';
    }
    let rest = token;
    if (/^b=/.test(rest)) {
      while (line.length + rest.length > width) {
        const take = Math.max(8, width - line.length - 1);
        out.push(`${line}${line.trim() ? ' ' : ''}${rest.slice(0, take)}`);
        line = '\t';
        rest = rest.slice(take);
      }
    }
    line += line === '\t' ? rest : ` ${rest}`;
  }
  out.push(line);
  return out.join('\r\n');
}

function dkim(rng: Rng, domain: string, selector: string, ms: number): string {
  return fold('DKIM-Signature', `v=1; a=rsa-sha256; c=relaxed/relaxed; d=${domain}; s=${selector}; t=${Math.floor(ms / 1000)}; h=from:reply-to:to:subject:date:message-id:mime-version:content-type:list-unsubscribe:list-unsubscribe-post:feedback-id; bh=${rng.b64(43)}=; b=${rng.b64(342)}==`);
}

export function traceHeaders(o: Order, rng: Rng, sentMs: number): string {
  const to = o.customer.email;
  const mailbox = to.split('@')[1]!;
  const espHost = o.esp.helo(o.shop.domain, rng);
  const ip = o.esp.ip();
  const date = (plus: number) => rfc2822Date(sentMs + plus * 1000, o.market.offset, 'two digits');
  const returnPath = o.esp.returnPath(o.shop.domain, to, rng);
  const google = mailbox === 'gmail.com';
  const mx = google ? 'mx.google.com' : `mx${rng.int(0, 3)}.${mailbox}`;
  const lines: string[] = [];
  lines.push(`Delivered-To: ${to}`);
  if (google) {
    lines.push(`Received: by 2002:a05:${rng.hex(4)}:${rng.hex(4)}:b0:${rng.hex(3)}:${rng.hex(4)} with SMTP id ${rng.b64(10)};\r\n        ${date(2)}`);
    lines.push(`X-Google-Smtp-Source: AGHT+IE${rng.b64(80)}`);
    lines.push(`X-Received: by 2002:a17:${rng.hex(3)}:${rng.hex(4)}:b0:${rng.hex(3)}:${rng.hex(4)} with SMTP id ${rng.b64(12)}.${rng.int(10, 99)}.${Math.floor(sentMs / 1000)};\r\n        ${date(2)}`);
    lines.push(fold('ARC-Seal', `i=1; a=rsa-sha256; t=${Math.floor(sentMs / 1000)}; cv=none; d=google.com; s=arc-20240605; b=${rng.b64(342)}==`));
    lines.push(fold('ARC-Message-Signature', `i=1; a=rsa-sha256; c=relaxed/relaxed; d=google.com; s=arc-20240605; h=feedback-id:list-unsubscribe-post:list-unsubscribe:mime-version:subject:message-id:to:reply-to:from:date:dkim-signature:dkim-signature; bh=${rng.b64(43)}=; fh=${rng.b64(43)}=; b=${rng.b64(342)}==`));
    lines.push(fold('ARC-Authentication-Results', `i=1; mx.google.com; dkim=pass header.i=@${o.shop.domain} header.s=s1 header.b=${rng.b64(8)}; dkim=pass header.i=@${o.esp.domain} header.s=smtpapi header.b=${rng.b64(8)}; spf=pass (google.com: domain of ${returnPath} designates ${ip} as permitted sender) smtp.mailfrom="${returnPath}"; dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=${o.shop.domain}`));
  }
  lines.push(`Return-Path: <${returnPath}>`);
  lines.push(`Received: from ${espHost} (${espHost}. [${ip}])\r\n        by ${mx} with ESMTPS id ${rng.b64(12)}.${rng.int(100, 999)}\r\n        for <${to}>\r\n        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);\r\n        ${date(1)}`);
  lines.push(fold('Received-SPF', `pass (${mx}: domain of ${returnPath} designates ${ip} as permitted sender) client-ip=${ip};`));
  lines.push(fold('Authentication-Results', `${mx}; dkim=pass header.i=@${o.shop.domain} header.s=s1 header.b=${rng.b64(8)}; dkim=pass header.i=@${o.esp.domain} header.s=smtpapi header.b=${rng.b64(8)}; spf=pass (${mx}: domain of ${returnPath} designates ${ip} as permitted sender) smtp.mailfrom="${returnPath}"; dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=${o.shop.domain}`));
  const hops = rng.int(1, 3);
  for (let h = 0; h < hops; h++) {
    lines.push(`Received: by ${o.esp.name}-filter-${rng.hex(6)}-${rng.int(1, 99)} with SMTP id ${rng.b64(20)}\r\n        ${date(0)}`);
  }
  lines.push(`Received: from ${o.shop.slug}-app-${rng.int(1, 20)}.internal (unknown [10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}])\r\n        by ${o.esp.name}-relay-${rng.int(1, 9)} (Postfix) with ESMTPSA id ${rng.hex(10).toUpperCase()}\r\n        for <${to}>; ${date(0)}`);
  lines.push(dkim(rng, o.shop.domain, rng.pick(['s1', 'k1', 'mail', 'shop2026', 'google']), sentMs));
  lines.push(dkim(rng, o.esp.domain, rng.pick(['smtpapi', 'pic', 'mx', 'pm', 'mte1']), sentMs));
  return `${lines.join('\r\n')}\r\n`;
}
