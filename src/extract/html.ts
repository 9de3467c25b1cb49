// One streaming pass over an HTML body yields everything extraction needs from it: readable text
// laid out in lines (table cells side by side, so "Total  $81.00" stays on one line), every link
// with its anchor text, JSON-LD blocks and microdata properties. A SAX pass keeps no tree, so
// 10,000 nested elements cost nothing more than 10,000 flat ones, and it is several times faster
// than building a DOM for html-to-text.
import { Parser } from 'htmlparser2';

export interface Link {
  /** Visible anchor text (or alt text of an image inside it), whitespace folded. */
  text: string;
  /** The href after entity decoding, exactly as the email gives it otherwise. */
  href: string;
  /** Up to 80 characters of text just before the link, for links whose own text is "here" or "click". */
  before: string;
}

export interface MicrodataProperty {
  /** itemtype of the innermost enclosing itemscope, e.g. http://schema.org/Order. */
  scope: string;
  name: string;
  value: string;
}

export interface HtmlContent {
  text: string;
  links: Link[];
  jsonLd: string[];
  microdata: MicrodataProperty[];
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'caption',
]);
const CELL = new Set(['td', 'th']);
const SKIP = new Set(['style', 'head', 'title', 'noscript', 'template', 'svg', 'xml']);

export function readHtml(html: string): HtmlContent {
  const out: string[] = [];
  const links: Link[] = [];
  const jsonLd: string[] = [];
  const microdata: MicrodataProperty[] = [];

  let skipDepth = 0;
  let script: { jsonLd: boolean; text: string } | null = null;
  let anchor: { href: string; text: string; before: string } | null = null;
  // Microdata: a stack of open elements that matter (itemscope or itemprop), by tag name.
  const scopes: { tag: string; type: string }[] = [];
  const props: { tag: string; name: string; text: string; scope: string }[] = [];
  // Depth of each open tag name, to close itemscope/itemprop elements at their own end tag.
  const openCount = new Map<string, number>();

  const push = (s: string) => {
    out.push(s);
    if (anchor) anchor.text += s;
    for (const p of props) p.text += s;
  };
  const newline = () => push('\n');

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        openCount.set(name, (openCount.get(name) ?? 0) + 1);
        if (SKIP.has(name)) {
          skipDepth++;
          return;
        }
        if (name === 'script') {
          script = { jsonLd: /ld\+json/i.test(attrs.type ?? ''), text: '' };
          return;
        }
        if (BLOCK.has(name)) newline();
        else if (CELL.has(name)) push('  ');
        if (name === 'a' && attrs.href !== undefined) {
          anchor = { href: attrs.href.trim(), text: '', before: tail(out, 80) };
        }
        if (name === 'img' && anchor && attrs.alt) push(` ${attrs.alt} `);
        if ('itemscope' in attrs) {
          scopes.push({ tag: name, type: attrs.itemtype ?? '' });
          (scopes[scopes.length - 1] as { depth?: number }).depth = openCount.get(name);
        }
        if (attrs.itemprop) {
          const scope = scopes[scopes.length - 1]?.type ?? '';
          const direct = attrs.content ?? attrs.datetime ?? (name === 'a' || name === 'link' ? attrs.href : undefined);
          if (direct !== undefined) microdata.push({ scope, name: attrs.itemprop, value: direct });
          else if (!('itemscope' in attrs)) props.push({ tag: name, name: attrs.itemprop, text: '', scope });
        }
      },
      ontext(data) {
        if (skipDepth > 0) return;
        if (script) {
          script.text += data;
          return;
        }
        push(data);
      },
      onclosetag(name) {
        const depth = openCount.get(name) ?? 0;
        openCount.set(name, Math.max(0, depth - 1));
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (name === 'script') {
          if (script?.jsonLd) jsonLd.push(script.text);
          script = null;
          return;
        }
        if (name === 'a' && anchor) {
          links.push({ href: anchor.href, text: fold(anchor.text), before: fold(anchor.before) });
          anchor = null;
        }
        const prop = props[props.length - 1];
        if (prop && prop.tag === name) {
          props.pop();
          microdata.push({ scope: prop.scope, name: prop.name, value: fold(prop.text) });
        }
        const scope = scopes[scopes.length - 1] as { tag: string; depth?: number } | undefined;
        if (scope && scope.tag === name && scope.depth === depth) scopes.pop();
        if (BLOCK.has(name)) newline();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  return { text: tidyText(out.join('')), links, jsonLd, microdata };
}

/** Collapses runs of spaces inside lines (keeping a double space as a column gap) and blank lines. */
export function tidyText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]|\u034f/g, '')
    .split('\n')
    .map((line) => line.replace(/\t/g, '  ').replace(/ {3,}/g, '  ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

function fold(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function tail(parts: string[], chars: number): string {
  let s = '';
  for (let i = parts.length - 1; i >= 0 && s.length < chars; i--) s = parts[i] + s;
  return s.slice(-chars);
}
