// An order as a raw message. The MIME is built by nodemailer's MailComposer, not by hand. It is
// the composer a large share of shop mail is really sent with, so quoted-printable soft breaks,
// RFC 2047 subjects, base64 line lengths, part nesting (alternative inside related inside mixed)
// and boundaries come out as mailparser meets them in real mail; a hand-rolled encoder would test
// our idea of MIME instead. It is also deterministic once given the date, Message-ID and base
// boundary. The trace headers are added in front (delivery-trace.ts).
import MailComposer from 'nodemailer/lib/mail-composer';
import { messageId, rfc2822Date } from '../headers.js';
import type { Rng } from '../rng.js';
import { traceHeaders } from './delivery-trace.js';
import { b64Size, legalBlock, qpSize, recommendationBlock, type Block } from './filler.js';
import { LAYOUT_RENDER, type LayoutName } from './layouts.js';
import type { Order } from './order.js';
import { makePdf } from './pdf.js';
import { makePng } from './png.js';

/** The MIME shape: text+HTML alternative (quoted-printable), HTML alone in base64, with an inline image, with a PDF. */
export type Shape = 'alternative-qp' | 'html-base64' | 'related-image' | 'mixed-pdf';

export async function compose(rng: Rng, o: Order, layoutName: LayoutName, shape: Shape, target: number): Promise<{ raw: Buffer; html: string; text: string }> {
  const sentMs = o.placedMs + rng.int(2, 90) * 1000;
  const rendered = LAYOUT_RENDER[layoutName](o, rng);
  const trace = traceHeaders(o, rng, sentMs);

  const attachments: { cid?: string; filename: string; content: Buffer; contentType: string }[] = [];
  if (shape === 'related-image') {
    attachments.push({ cid: `logo-${rng.hex(8)}@${o.shop.domain}`, filename: 'logo.png', content: makePng(rng, rng.int(24, 72), rng.int(16, 40)), contentType: 'image/png' });
  }
  if (shape === 'mixed-pdf') {
    const pdfName = `${o.t.orderNo.replace(/\W+/g, '-')}-${o.number}.pdf`;
    attachments.push({ filename: pdfName, content: makePdf(o, rng, 24 * rng.int(60, 500)), contentType: 'application/pdf' });
  }

  // Filler until the estimated encoded size reaches the target.
  const html0 = rendered.html('');
  const text0 = shape === 'html-base64' ? '' : rendered.text('');
  const encoded = (html: number, text: number) => (shape === 'html-base64' ? b64Size(html) : html + text);
  let size = trace.length + 1800 + encoded(shape === 'html-base64' ? Buffer.byteLength(html0) : qpSize(html0), qpSize(text0)) +
    attachments.reduce((a, x) => a + b64Size(x.content.length) + 300, 0);
  const blocks: Block[] = [];
  let legal = 0;
  let recs = 0;
  while (size < target) {
    const block = legal < o.t.legal.length && rng.chance(0.35) ? legalBlock(o, legal++) : recommendationBlock(o, rng, recs++ === 0);
    blocks.push(block);
    size += shape === 'html-base64' ? b64Size(Buffer.byteLength(block.html)) : qpSize(block.html) + qpSize(block.text);
  }
  const html = rendered.html(blocks.map((b) => b.html).join(''));
  const text = shape === 'html-base64' ? '' : rendered.text(blocks.map((b) => b.text).join('\n\n'));

  const composer = new MailComposer({
    from: { name: o.shop.name, address: `${rng.pick(o.t.senders)}@${o.shop.domain}` },
    replyTo: rng.chance(0.5) ? { name: o.shop.name, address: `support@${o.shop.domain}` } : undefined,
    to: { name: `${o.customer.first} ${o.customer.last}`, address: o.customer.email },
    subject: rng.pick(o.t.subjects)(o.number, o.shop.name),
    date: rfc2822Date(sentMs, o.market.offset, 'two digits'),
    messageId: messageId(rng, o.esp.domain),
    html,
    text: text || undefined,
    attachments,
    encoding: shape === 'html-base64' ? 'base64' : 'quoted-printable',
    baseBoundary: rng.hex(16),
    newline: 'win',
    headers: {
      'List-Unsubscribe': `<https://${o.shop.domain}/unsubscribe?u=${rng.b64(48, true)}>, <mailto:unsubscribe@${o.shop.domain}?subject=unsubscribe>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      ...o.esp.extraHeaders(rng),
    },
  });
  const body = await composer.compile().build();
  return { raw: Buffer.concat([Buffer.from(trace, 'latin1'), body]), html, text };
}
