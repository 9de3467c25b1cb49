// One pass over an HTML body, reporting elements as they open and close and the text between them,
// with the tree rules of htmlparser2's HTML mode: implied end tags (a <td> closes the cell before
// it, a <div> closes an open <p>), void elements closed at once, an end tag closing what was left
// open inside it, raw-text elements (script, style) read to their end tag, comments and
// declarations skipped, entities decoded (the `entities` package, as htmlparser2 does).
//
// Why not htmlparser2 itself: its tokenizer steps through every character in JavaScript, and
// email HTML is nine-tenths tags with inline styles that nobody reads. Here tags and attributes
// are matched by regular expressions and text is found with indexOf, which reads the same bodies
// three to four times faster (bench/extract.bench.ts). The tree rules are kept so that the text
// laid out from the events is the one htmlparser2 gave (test/extract/html-scan.test.ts checks the
// two against each other on every fixture).
import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';

export interface HtmlEvents {
  /**
   * `name` and attribute names lower case; attribute values decoded; the first of a repeated
   * attribute wins. Only the attributes named in `attributes` are reported.
   */
  onopentag(name: string, attrs: Record<string, string>): void;
  /** Decoded text; a run of text may arrive in several calls. */
  ontext(text: string): void;
  onclosetag(name: string): void;
}

const VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex',
  'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
/** Read as text up to their own end tag; title and textarea decode entities on the way. */
const RAW_TEXT = new Set(['script', 'style', 'iframe', 'noembed', 'noframes', 'xmp', 'title', 'textarea']);
const DECODED_RAW_TEXT = new Set(['title', 'textarea']);

const P = new Set(['p']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const DD_DT = new Set(['dd', 'dt']);
const RT_RP = new Set(['rt', 'rp']);
const TABLE_SECTION = new Set(['thead', 'tbody']);
/** Opening the key closes any of these while they are the innermost open element. */
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])], ['a', new Set(['a'])], ['li', new Set(['li'])], ['p', P],
  ['h1', HEADINGS], ['h2', HEADINGS], ['h3', HEADINGS], ['h4', HEADINGS], ['h5', HEADINGS], ['h6', HEADINGS],
  ['select', FORM], ['input', FORM], ['output', FORM], ['button', FORM], ['datalist', FORM], ['textarea', FORM],
  ['option', new Set(['option'])], ['optgroup', new Set(['optgroup', 'option'])], ['dd', DD_DT], ['dt', DD_DT],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
    'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((t) => [t, P] as [string, Set<string>]),
  ['rt', RT_RP], ['rp', RT_RP], ['tbody', TABLE_SECTION], ['tfoot', TABLE_SECTION],
]);
/** Inside these (SVG, MathML) a tag may close itself with "/>" and no element reads as raw text. */
const FOREIGN = new Set(['svg', 'math']);
const INTEGRATION_POINTS = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

// HTML's whitespace, not JavaScript's \s (which would take a no-break space for a separator).
const WS = String.raw`[ \t\n\f\r]`;
const ATTRIBUTE_SOURCE = String.raw`[ \t\n\f\r/]*([^ \t\n\f\r/>][^ \t\n\f\r/>=]*)(?:${WS}*=${WS}*(?:"([^"]*)"?|'([^']*)'?|([^ \t\n\f\r>]*)))?`;
// A start tag after its "<", read in three steps with test() (which builds no match array): the
// name, all attributes, and what stands before ">" ("/" for a tag that closes itself). The ">"
// is missing when the body ends first: an unclosed quote runs on to the end, as in htmlparser2.
const TAG_NAME = /[^ \t\n\f\r/>]*/y;
const ATTRIBUTES = new RegExp(String.raw`(?:${ATTRIBUTE_SOURCE.replace(/\((?!\?)/g, '(?:')})*`, 'y');
const BEFORE_TAG_END = /[ \t\n\f\r/]*/y;
/** An end tag's name runs to a space, "/" or ">" ("</td/x.jpg>" closes the cell, as in htmlparser2). */
const END_TAG_NAME = /[^ \t\n\f\r>/]*/y;
const COMMENT_END = /--!?>/g;

/** `attributes`: the attribute names (lower case) the caller reads; the others are skipped unread. */
/** What the tree rules need to know of an element, looked up once per spelling of its name. */
interface Element {
  /** Lower case. */
  name: string;
  isVoid: boolean;
  /** Open elements this one closes when it opens (OPEN_IMPLIES_CLOSE). */
  closes: Set<string> | undefined;
  /** true: starts foreign content (svg, math); false: an integration point back to HTML; undefined: neither. */
  foreign: boolean | undefined;
  rawText: boolean;
}

const ELEMENTS = new Map<string, Element>();
/** Bounds the cache: names come from the mail, and a hostile one could invent millions. */
const MAX_CACHED_ELEMENTS = 2_000;

function element(written: string): Element {
  let e = ELEMENTS.get(written);
  if (e === undefined) {
    const name = written.toLowerCase();
    e = {
      name,
      isVoid: VOID.has(name),
      closes: OPEN_IMPLIES_CLOSE.get(name),
      foreign: FOREIGN.has(name) ? true : INTEGRATION_POINTS.has(name) ? false : undefined,
      rawText: RAW_TEXT.has(name),
    };
    if (ELEMENTS.size < MAX_CACHED_ELEMENTS) ELEMENTS.set(written, e);
  }
  return e;
}

/** `attributes`: the attribute names (lower case) the caller reads; the others are skipped unread. */
export function scanHtml(html: string, events: HtmlEvents, attributes: readonly string[]): void {
  new Scanner(html, events, attributes).run();
}

class Scanner {
  /** Open elements, innermost last. */
  private readonly stack: Element[] = [];
  /** For each open foreign element or integration point: whether it puts us in foreign content. */
  private readonly foreign: boolean[] = [];
  private readonly wanted: Set<string>;
  /** Whether a tag's attribute text may hold a wanted attribute (a cheap test before reading them one by one). */
  private readonly mayHoldWanted: RegExp;

  constructor(
    private readonly html: string,
    private readonly events: HtmlEvents,
    attributes: readonly string[],
  ) {
    this.wanted = new Set(attributes);
    this.mayHoldWanted = attributes.length > 0 ? new RegExp(attributes.map(escapeRegExp).join('|'), 'i') : /(?!)/;
  }

  run(): void {
    const html = this.html;
    let at = 0;
    while (at < html.length) {
      const lt = html.indexOf('<', at);
      if (lt < 0) {
        this.text(html.slice(at));
        break;
      }
      const next = html.charCodeAt(lt + 1);
      if (isAsciiLetter(next)) {
        if (lt > at) this.text(html.slice(at, lt));
        at = this.startTag(lt + 1);
      } else if (next === SLASH) {
        if (lt > at) this.text(html.slice(at, lt));
        at = this.endTag(lt + 2);
      } else if (next === BANG) {
        if (lt > at) this.text(html.slice(at, lt));
        at = this.declaration(lt + 2);
      } else if (next === QUESTION_MARK) {
        if (lt > at) this.text(html.slice(at, lt));
        at = skipPast(html, '>', lt + 2);
      } else {
        // A "<" that starts no tag ("a < b") is text.
        this.text(html.slice(at, lt + 1));
        at = lt + 1;
      }
    }
    for (let i = this.stack.length - 1; i >= 0; i--) this.events.onclosetag(this.stack[i]!.name);
    this.stack.length = 0;
  }

  private text(raw: string): void {
    if (raw.length > 0) this.events.ontext(raw.includes('&') ? decodeHTML(raw) : raw);
  }

  private inForeignContent(): boolean {
    return this.foreign.length > 0 && this.foreign[this.foreign.length - 1]!;
  }

  /** `from`: just after "<". Returns where the text after the tag (or after a raw-text element) starts. */
  private startTag(from: number): number {
    const html = this.html;
    TAG_NAME.lastIndex = from;
    TAG_NAME.test(html);
    const nameEnd = TAG_NAME.lastIndex;
    ATTRIBUTES.lastIndex = nameEnd;
    ATTRIBUTES.test(html);
    const attributesEnd = ATTRIBUTES.lastIndex;
    BEFORE_TAG_END.lastIndex = attributesEnd;
    BEFORE_TAG_END.test(html);
    const closeAt = BEFORE_TAG_END.lastIndex;
    const at = closeAt + 1;
    const foreignBefore = this.inForeignContent();
    let el = element(html.slice(from, nameEnd));
    if (el.name === 'image' && !foreignBefore) el = element('img');
    const name = el.name;

    // The element counts as open once its name is read, before its attributes.
    const nameEnded = nameEnd < html.length;
    // A second <form> inside a form is ignored, tag and attributes.
    const ignored = name === 'form' && this.stack.some((e) => e.name === 'form');
    if (nameEnded && !ignored) {
      const closes = el.closes;
      if (closes) while (this.stack.length > 0 && closes.has(this.stack[this.stack.length - 1]!.name)) this.pop();
      if (!el.isVoid) {
        this.stack.push(el);
        if (el.foreign !== undefined) this.foreign.push(el.foreign);
      }
    }
    // A tag the body ends inside (an unclosed quote runs to the end) is dropped, its element left open.
    if (closeAt >= html.length) return html.length;
    if (ignored) return at;

    const attrs: Record<string, string> = {};
    const section = attributesEnd > nameEnd ? html.slice(nameEnd, attributesEnd) : '';
    if (section.length > 0 && this.mayHoldWanted.test(section)) readAttributes(section, this.wanted, attrs);
    this.events.onopentag(name, attrs);
    if (el.isVoid) {
      this.events.onclosetag(name);
      return at;
    }
    if (this.inForeignContent() && html.slice(attributesEnd, closeAt).includes('/')) {
      if (this.stack[this.stack.length - 1] === el) this.pop();
      return at;
    }
    if (!foreignBefore && el.rawText) return this.rawText(name, at);
    if (name === 'plaintext' && !foreignBefore) {
      this.events.ontext(html.slice(at));
      return html.length;
    }
    return at;
  }

  /** The content of a raw-text element, up to its end tag (which is then read as any end tag). */
  private rawText(name: string, from: number): number {
    const html = this.html;
    const end = new RegExp(`</${name}[ \\t\\n\\f\\r/>]`, 'gi');
    end.lastIndex = from;
    const m = end.exec(html);
    const stop = m ? m.index : html.length;
    if (stop > from) {
      const raw = html.slice(from, stop);
      this.events.ontext(DECODED_RAW_TEXT.has(name) && raw.includes('&') ? decodeHTML(raw) : raw);
    }
    return stop;
  }

  /** `from`: just after "</". */
  private endTag(from: number): number {
    const html = this.html;
    // "</ p>": a space after "</" makes a bogus comment (below), as in browsers and htmlparser2
    const at = from;
    if (at >= html.length) {
      this.events.ontext(html.slice(from - 2)); // a "</" the body ends on is text
      return at;
    }
    if (html.charCodeAt(at) === GREATER_THAN) return at + 1; // "</>" is nothing
    if (!isAsciiLetter(html.charCodeAt(at))) return skipPast(html, '>', at); // "</3>": a bogus comment
    END_TAG_NAME.lastIndex = at;
    END_TAG_NAME.test(html);
    let el = element(html.slice(at, END_TAG_NAME.lastIndex));
    if (el.name === 'image' && !this.inForeignContent()) el = element('img');
    const after = skipPast(html, '>', END_TAG_NAME.lastIndex);
    if (el.isVoid) {
      if (el.name === 'br') {
        this.events.onopentag('br', {});
        this.events.onclosetag('br');
      }
      return after;
    }
    let pos = this.stack.length - 1;
    while (pos >= 0 && this.stack[pos]!.name !== el.name) pos--;
    if (pos >= 0) {
      while (this.stack.length > pos) this.pop();
    } else if (el.name === 'p') {
      // "</p>" with no open paragraph stands for an empty one
      this.events.onopentag('p', {});
      this.events.onclosetag('p');
    }
    return after;
  }

  /** `from`: just after "<!": a comment, a CDATA section (skipped in HTML) or a declaration such as a doctype. */
  private declaration(from: number): number {
    const html = this.html;
    if (html.startsWith('--', from)) {
      // "<!-->" and "<!--->" end at once
      if (html.charAt(from + 2) === '>') return from + 3;
      if (html.startsWith('->', from + 2)) return from + 4;
      COMMENT_END.lastIndex = from + 2;
      const m = COMMENT_END.exec(html);
      return m ? m.index + m[0].length : html.length;
    }
    if (html.startsWith('[CDATA[', from)) {
      const end = html.indexOf(']]>', from + 7);
      return end < 0 ? html.length : end + 3;
    }
    return skipPast(html, '>', from);
  }

  private pop(): void {
    const el = this.stack.pop()!;
    if (el.foreign !== undefined) this.foreign.pop();
    this.events.onclosetag(el.name);
  }
}

const SLASH = 47;
const BANG = 33;
const QUESTION_MARK = 63;
const GREATER_THAN = 62;

/**
 * The wanted attributes of a start tag's attribute text (as ATTRIBUTES matched it), into `into`.
 * An attribute is a name (its first character anything but a space, "/" or ">"; then up to a
 * space, "/", ">" or "="), then maybe "=" and a value: double- or single-quoted (an unclosed quote
 * runs to the end), or unquoted up to a space. Read with indexOf and char codes: a regular
 * expression per attribute cost more than the rest of the tag.
 */
function readAttributes(section: string, wanted: Set<string>, into: Record<string, string>): void {
  const n = section.length;
  let i = 0;
  while (i < n) {
    let c = section.charCodeAt(i);
    while (isSpace(c) || c === SLASH) c = ++i < n ? section.charCodeAt(i) : -1;
    if (i >= n) return;
    const nameStart = i++;
    while (i < n && !endsName(section.charCodeAt(i))) i++;
    const nameEnd = i;
    let j = i;
    while (j < n && isSpace(section.charCodeAt(j))) j++;
    let value: string | null = null;
    if (j < n && section.charCodeAt(j) === EQUALS) {
      j++;
      while (j < n && isSpace(section.charCodeAt(j))) j++;
      const q = j < n ? section.charCodeAt(j) : -1;
      let start = j;
      let end: number;
      if (q === DOUBLE_QUOTE || q === SINGLE_QUOTE) {
        start = j + 1;
        const close = section.indexOf(q === DOUBLE_QUOTE ? '"' : "'", start);
        end = close < 0 ? n : close;
        i = close < 0 ? n : close + 1;
      } else {
        end = j;
        while (end < n && !isSpace(section.charCodeAt(end)) && section.charCodeAt(end) !== GREATER_THAN) end++;
        i = end;
      }
      value = section.slice(start, end);
    }
    const key = section.slice(nameStart, nameEnd).toLowerCase();
    if (wanted.has(key) && !Object.hasOwn(into, key)) {
      const v = value ?? '';
      into[key] = v.includes('&') ? decodeHTMLAttribute(v) : v;
    }
  }
}

function endsName(c: number): boolean {
  return isSpace(c) || c === SLASH || c === GREATER_THAN || c === EQUALS;
}

const EQUALS = 61;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

function skipPast(html: string, char: string, from: number): number {
  const i = html.indexOf(char, from);
  return i < 0 ? html.length : i + 1;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}
