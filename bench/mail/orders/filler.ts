// Filler: what makes real confirmations long: product recommendations and legal text, and the
// rough encoded sizes that say when a message has reached its target size.
import { escapeHtml } from '../escape-html.js';
import type { Rng } from '../rng.js';
import { money, tracked } from './format.js';
import { slugify, type Order } from './order.js';

export interface Block {
  html: string;
  text: string;
}

export function recommendationBlock(o: Order, rng: Rng, first: boolean): Block {
  const t = o.t;
  const cells: string[] = [];
  const texts: string[] = [];
  for (let i = 0; i < 3; i++) {
    const name = `${rng.pick(t.products.adjectives)} ${rng.pick(t.products.nouns)}`;
    const url = `https://${o.shop.domain}/products/${slugify(name)}-${rng.int(10, 99)}`;
    const price = money(o, rng.int(5, 120) * 100 + rng.pick([0, 50, 95, 99]));
    cells.push(`<td width="33%" valign="top" style="padding:8px;text-align:center;font-size:13px"><a href="${tracked(o, rng, url)}"><img src="https://cdn.${o.shop.domain}/products/${slugify(name)}_${rng.hex(10)}_240x240.jpg" width="150" alt="${escapeHtml(name)}" style="display:block;margin:0 auto 6px;border:0"></a><a href="${tracked(o, rng, url)}" style="color:#333;text-decoration:none">${escapeHtml(name)}</a><br><span style="color:#777">${price}</span><br><a href="${tracked(o, rng, url)}" style="font-size:12px">${escapeHtml(t.shopNow)} &rsaquo;</a></td>`);
    texts.push(`${name} - ${price}\n${url}`);
  }
  const title = first ? `<h3 style="font-size:16px;margin:24px 0 8px">${escapeHtml(t.recommended)}</h3>` : '';
  return { html: `${title}<table width="100%" cellpadding="0" cellspacing="0"><tr>${cells.join('')}</tr></table>\n`, text: `${first ? `${t.recommended}\n` : ''}${texts.join('\n')}` };
}

export function legalBlock(o: Order, i: number): Block {
  const para = o.t.legal[i % o.t.legal.length]!;
  return { html: `<p style="font-size:11px;line-height:16px;color:#888">${escapeHtml(para)}</p>\n`, text: para };
}

export function qpSize(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 61) n += 3;
    else if (c === 10) n += 2;
    else if (c < 128) n += 1;
    else n += c < 0x800 ? 6 : 9;
  }
  return Math.round(n * 1.04); // soft line breaks every 76 characters
}

export function b64Size(bytes: number): number {
  return Math.ceil(bytes / 3) * 4 * (78 / 76);
}
