// One body, two parts: a template writes its content once as blocks, and this module renders the
// text part and the HTML part from it, so both always say the same thing and every string is
// HTML-escaped in exactly one place (shop names and items come from emails and may hold markup).
import { safeHttpUrl } from './format.js';

export type Inline = string | { link: string } | { strong: string };

export type FactValue = Inline[] | { list: string[] };

export type Block =
  | { type: 'p'; parts: Inline[] }
  | { type: 'facts'; rows: Array<[label: string, value: FactValue]> }
  | { type: 'list'; items: Inline[][]; ordered?: boolean }
  | { type: 'heading'; text: string };

export const p = (...parts: Inline[]): Block => ({ type: 'p', parts });
export const heading = (text: string): Block => ({ type: 'heading', text });
export const list = (items: Inline[][], ordered = false): Block => ({ type: 'list', items, ordered });
export const link = (url: string): Inline => ({ link: url });
export const strong = (text: string): Inline => ({ strong: text });

/** The fact rows whose value is present. */
export function facts(rows: Array<[string, FactValue | string | null]>): Block {
  const kept: Array<[string, FactValue]> = [];
  for (const [label, value] of rows) {
    if (value === null) continue;
    if (typeof value === 'string') kept.push([label, [value]]);
    else if (Array.isArray(value) || value.list.length > 0) kept.push([label, value]);
  }
  return { type: 'facts', rows: kept };
}

// ---------------------------------------------------------------------------------------------
// Text

function inlineText(parts: Inline[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : 'link' in part ? part.link : part.strong)).join('');
}

export function renderText(blocks: Block[]): string {
  const out = blocks.map((block): string => {
    switch (block.type) {
      case 'p':
        return inlineText(block.parts);
      case 'heading':
        return block.text;
      case 'list':
        return block.items.map((item, i) => `  ${block.ordered ? `${i + 1}.` : '-'} ${inlineText(item)}`).join('\n');
      case 'facts':
        return block.rows
          .map(([label, value]) => (Array.isArray(value) ? `${label}: ${inlineText(value)}` : [`${label}:`, ...value.list.map((l) => `  - ${l}`)].join('\n')))
          .join('\n');
    }
  });
  return `${out.filter((s) => s !== '').join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// HTML

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A link shows its own address as its text, so the owner sees where it goes; only http(s) becomes a link. */
function inlineHtml(parts: Inline[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      if ('strong' in part) return `<strong>${escapeHtml(part.strong)}</strong>`;
      const url = safeHttpUrl(part.link);
      return url ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : escapeHtml(part.link);
    })
    .join('');
}

const CELL = 'style="text-align:left;vertical-align:top;padding:2px 12px 2px 0"';

export function renderHtml(title: string, blocks: Block[]): string {
  const body = blocks.map((block): string => {
    switch (block.type) {
      case 'p':
        return `<p>${inlineHtml(block.parts)}</p>`;
      case 'heading':
        return `<h3>${escapeHtml(block.text)}</h3>`;
      case 'list': {
        const tag = block.ordered ? 'ol' : 'ul';
        return `<${tag}>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${tag}>`;
      }
      case 'facts':
        return `<table>${block.rows
          .map(([label, value]) => {
            const cell = Array.isArray(value) ? inlineHtml(value) : `<ul style="margin:0;padding-left:18px">${value.list.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`;
            return `<tr><th ${CELL}>${escapeHtml(label)}</th><td ${CELL}>${cell}</td></tr>`;
          })
          .join('')}</table>`;
    }
  });
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '</head><body style="font-family:sans-serif;font-size:15px;line-height:1.45">',
    ...body,
    '</body></html>',
    '',
  ].join('\n');
}
