// The PDF invoice attached to the mixed-pdf shape, written without a PDF library.
import { deflateSync } from 'node:zlib';
import type { Rng } from '../rng.js';
import { printedDate } from './format.js';
import type { Order } from './order.js';

/** A one-page PDF invoice with the order's lines as text, and an embedded (noise) logo stream. */
export function makePdf(o: Order, rng: Rng, logoBytes: number): Buffer {
  const ascii = (s: string) => s.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/[()\\]/g, '\\$&');
  const lines = [`${o.shop.name}`, `${o.t.orderNo}: ${o.number}`, `${o.t.orderDate}: ${printedDate(o)}`, '',
    ...o.lines.map((l) => `${l.qty} x ${l.name}  ${(l.lineCents / 100).toFixed(2)} ${o.market.currency}`), '',
    `${o.totalLabel}: ${(o.totalCents / 100).toFixed(2)} ${o.market.currency}`];
  const content = `BT /F1 10 Tf 50 790 Td 14 TL\n${lines.map((l) => `(${ascii(l)}) Tj T*`).join('\n')}\nET\nq 120 0 0 40 420 770 cm /Im1 Do Q\n`;
  const logo = deflateSync(Buffer.from(Array.from({ length: logoBytes }, () => rng.int(0, 255))), { level: 0 });
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>'),
    Buffer.from(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`, 'latin1'),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
    Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${logoBytes / 3 / 8} /Height 8 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${logo.length} >>\nstream\n`), logo, Buffer.from('\nendstream')]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(at);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    at += obj.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /ID [<${rng.hex(32)}> <${rng.hex(32)}>] >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}
