// One streaming pass over an HTML body yields everything extraction needs from it: readable text
// laid out in lines (table cells side by side, so "Total  $81.00" stays on one line), every link
// with its anchor text, JSON-LD blocks and microdata properties. The pass keeps no tree (only the
// open elements' names), so 10,000 nested elements cost nothing more than 10,000 flat ones.
import { scanHtml } from './html-scan.js';

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
/** The attributes ContentReader looks at; the scanner skips the rest (inline styles, mostly). */
const READ_ATTRIBUTES = ['href', 'alt', 'type', 'itemscope', 'itemtype', 'itemprop', 'content', 'datetime'];

export function readHtml(html: string): HtmlContent {
  const reader = new ContentReader();
  scanHtml(html, reader, READ_ATTRIBUTES);
  return reader.content();
}

/** What readHtml keeps of the parser's events: text laid out in lines, links, JSON-LD, microdata. */
class ContentReader {
  private readonly out: string[] = [];
  private readonly links: Link[] = [];
  private readonly jsonLd: string[] = [];
  private readonly microdata: MicrodataProperty[] = [];
  private skipDepth = 0;
  private preDepth = 0;
  private script: { jsonLd: boolean; text: string } | null = null;
  /** `textBefore`: how many pieces of `out` stand before the link (its preceding text is read only if asked for). */
  private anchor: { href: string; text: string; textBefore: number } | null = null;
  // Microdata: a stack of open elements that matter (itemscope or itemprop), by tag name.
  private readonly scopes: { tag: string; type: string; depth: number }[] = [];
  private readonly props: { tag: string; name: string; text: string; scope: string }[] = [];
  // How many elements are open. Open and close events nest (the parser closes what it opened,
  // innermost first), so an itemscope element ends at the first close event back at its depth.
  private depth = 0;

  content(): HtmlContent {
    return { text: tidyText(this.out.join('')), links: this.links, jsonLd: this.jsonLd, microdata: this.microdata };
  }

  private push(s: string): void {
    this.out.push(s);
    if (this.anchor) this.anchor.text += s;
    for (const p of this.props) p.text += s;
  }

  onopentag(name: string, attrs: Record<string, string>): void {
    const depth = ++this.depth;
    if (SKIP.has(name)) {
      this.skipDepth++;
      return;
    }
    if (name === 'script') {
      this.script = { jsonLd: /ld\+json/i.test(attrs.type ?? ''), text: '' };
      return;
    }
    if (name === 'pre') this.preDepth++;
    if (BLOCK.has(name)) this.push('\n');
    else if (CELL.has(name)) this.push('  ');
    if (name === 'a' && attrs.href !== undefined) {
      this.anchor = { href: attrs.href.trim(), text: '', textBefore: this.out.length };
    }
    if (name === 'img' && this.anchor && attrs.alt) this.push(` ${attrs.alt} `);
    if ('itemscope' in attrs) this.scopes.push({ tag: name, type: attrs.itemtype ?? '', depth });
    if (attrs.itemprop) {
      const scope = this.scopes.length > 0 ? this.scopes[this.scopes.length - 1]!.type : '';
      const direct = attrs.content ?? attrs.datetime ?? (name === 'a' || name === 'link' ? attrs.href : undefined);
      if (direct !== undefined) this.microdata.push({ scope, name: attrs.itemprop, value: direct });
      else if (!('itemscope' in attrs)) this.props.push({ tag: name, name: attrs.itemprop, text: '', scope });
    }
  }

  ontext(data: string): void {
    if (this.skipDepth > 0) return;
    if (this.script) {
      this.script.text += data;
      return;
    }
    // Line breaks in the HTML source are spaces; lines come from the elements (pre aside).
    this.push(this.preDepth > 0 || !/[\n\r]/.test(data) ? data : data.replace(/[ \t]*[\n\r]+[ \t]*/g, ' '));
  }

  onclosetag(name: string): void {
    const depth = this.depth;
    this.depth = Math.max(0, depth - 1);
    if (name === 'pre') this.preDepth = Math.max(0, this.preDepth - 1);
    if (SKIP.has(name)) {
      this.skipDepth = Math.max(0, this.skipDepth - 1);
      return;
    }
    if (name === 'script') {
      if (this.script?.jsonLd) this.jsonLd.push(this.script.text);
      this.script = null;
      return;
    }
    if (name === 'a' && this.anchor) {
      this.links.push(new HtmlLink(this.anchor.href, fold(this.anchor.text), this.out, this.anchor.textBefore));
      this.anchor = null;
    }
    // (Lengths are checked first: reading index -1 of an array is a slow property lookup.)
    const prop = this.props.length > 0 ? this.props[this.props.length - 1]! : null;
    if (prop && prop.tag === name) {
      this.props.pop();
      this.microdata.push({ scope: prop.scope, name: prop.name, value: fold(prop.text) });
    }
    const scope = this.scopes.length > 0 ? this.scopes[this.scopes.length - 1]! : null;
    if (scope && scope.tag === name && scope.depth === depth) this.scopes.pop();
    if (BLOCK.has(name)) this.push('\n');
  }
}

/** A link of an HTML body. Few links are ever asked what stands before them: that is folded when read. */
class HtmlLink implements Link {
  private folded: string | null = null;
  constructor(
    readonly href: string,
    readonly text: string,
    /** The body's text pieces (shared by every link, read-only once the body is read) and how many precede the link. */
    private readonly pieces: readonly string[],
    private readonly piecesBefore: number,
  ) {}

  get before(): string {
    return (this.folded ??= fold(tail(this.pieces, this.piecesBefore, 80)));
  }
}

/** Collapses runs of spaces inside lines (keeping a double space as a column gap) and blank lines. */
export function tidyText(raw: string): string {
  const text = (raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw)
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]|\u034f/g, '');
  const lines: string[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let line = text.slice(start, end);
    if (line.includes('\t')) line = line.replace(/\t/g, '  ');
    if (line.includes('   ')) line = line.replace(/ {3,}/g, '  ');
    line = line.trim();
    if (line.length > 0) lines.push(line);
    start = end + 1;
  }
  return lines.join('\n');
}

/** Whitespace runs folded to one space, ends trimmed. */
function fold(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The last `chars` characters of the first `end` pieces. */
function tail(pieces: readonly string[], end: number, chars: number): string {
  let s = '';
  for (let i = end - 1; i >= 0 && s.length < chars; i--) s = pieces[i] + s;
  return s.slice(-chars);
}
