// MIME written by hand the way common mailers write it: quoted-printable and base64 from
// nodemailer's own encoders, CRLF line ends, folded headers. The backfill mailbox's other mail is
// built from these nodes; order confirmations go through nodemailer's MailComposer (orders/compose.ts).
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';
import { foldHeader } from './headers.js';

export interface Leaf {
  type: string;
  encoding: '7bit' | 'quoted-printable' | 'base64';
  body: string;
  extra?: string[];
}
export interface Multi {
  type: 'multipart/alternative' | 'multipart/mixed' | 'multipart/related';
  boundary: string;
  parts: MimeNode[];
}
export type MimeNode = Leaf | Multi;

function qp(text: string): string {
  return qpWrap(qpEncode(text.replace(/\r?\n/g, '\r\n')), 76).replace(/\r?\n/g, '\r\n');
}

function b64(data: Buffer | string): string {
  return (typeof data === 'string' ? Buffer.from(data) : data).toString('base64').replace(/.{76}(?=.)/g, '$&\r\n');
}

export function textLeaf(text: string, type = 'text/plain; charset=utf-8'): Leaf {
  return /[^\x20-\x7e\r\n\t]|^.{77,}$/m.test(text) ? { type, encoding: 'quoted-printable', body: qp(text) } : { type, encoding: '7bit', body: text.replace(/\r?\n/g, '\r\n') };
}

export function htmlLeaf(html: string, base64 = false): Leaf {
  return base64 ? { type: 'text/html; charset=utf-8', encoding: 'base64', body: b64(html) } : { type: 'text/html; charset=utf-8', encoding: 'quoted-printable', body: qp(html) };
}

export function attachment(type: string, filename: string, data: Buffer, inlineCid?: string): Leaf {
  const extra = inlineCid ? [`Content-ID: <${inlineCid}>`, `Content-Disposition: inline; filename="${filename}"`] : [`Content-Disposition: attachment; filename="${filename}"`];
  return { type: `${type}; name="${filename}"`, encoding: 'base64', body: b64(data), extra };
}

function renderNode(node: MimeNode): { headers: string[]; body: string } {
  if ('parts' in node) {
    const body = node.parts.map((p) => {
      const r = renderNode(p);
      return `--${node.boundary}\r\n${r.headers.join('\r\n')}\r\n\r\n${r.body}\r\n`;
    }).join('') + `--${node.boundary}--\r\n`;
    return { headers: [`Content-Type: ${node.type};\r\n boundary="${node.boundary}"`], body };
  }
  return { headers: [`Content-Type: ${node.type}`, `Content-Transfer-Encoding: ${node.encoding}`, ...(node.extra ?? [])], body: node.body };
}

export function message(trace: string[], headers: [string, string | null | undefined][], root: MimeNode): Buffer {
  const lines = [...trace];
  for (const [name, value] of headers) if (value) lines.push(foldHeader(`${name}: ${value}`));
  lines.push('MIME-Version: 1.0');
  const r = renderNode(root);
  return Buffer.from(`${[...lines, ...r.headers].join('\r\n')}\r\n\r\n${r.body}`, 'utf8');
}
