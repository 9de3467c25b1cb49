// Header values written the way common mailers write them: dates, Message-IDs, RFC 2047 words,
// long lines folded at spaces.
import { encodeWords } from 'nodemailer/lib/mime-funcs';
import type { Rng } from './rng.js';

/**
 * A Date header value in the sender's zone (`offsetMin` east of UTC). Shop mailers write the day
 * with two digits ("05 Jan"), mail clients and lists with one ("5 Jan"); both are RFC 5322.
 */
export function rfc2822Date(ms: number, offsetMin: number, day: 'one digit' | 'two digits' = 'one digit'): string {
  const d = new Date(ms + offsetMin * 60_000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  const abs = Math.abs(offsetMin);
  return `${days[d.getUTCDay()]}, ${day === 'two digits' ? p(d.getUTCDate()) : d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${offsetMin < 0 ? '-' : '+'}${p(Math.floor(abs / 60))}${p(abs % 60)}`;
}

/** A random Message-ID at `domain`, in the UUID-like form most mailers use. */
export function messageId(rng: Rng, domain: string): string {
  return `<${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}@${domain}>`;
}

/** A header line folded at spaces to `width`, continuation lines starting with one space. */
export function foldHeader(line: string, width = 78): string {
  if (line.length <= width) return line;
  const out: string[] = [];
  let cur = '';
  for (const token of line.split(' ')) {
    if (cur && cur.length + 1 + token.length > width) {
      out.push(cur);
      cur = ` ${token}`;
    } else cur = cur ? `${cur} ${token}` : token;
  }
  out.push(cur);
  return out.join('\r\n');
}

export function subjectHeader(s: string): string {
  return encodeWords(s, 'Q', 52);
}

export function displayAddress(name: string, address: string): string {
  return /^[\x20-\x7e]*$/.test(name) ? `${/[,.;:@"()<>[\]]/.test(name) ? `"${name.replace(/"/g, '')}"` : name} <${address}>` : `${encodeWords(name, 'Q', 52)} <${address}>`;
}
