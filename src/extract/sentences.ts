// Policy statements ("you can cancel within 2 hours") are read one sentence at a time, so a number
// or a date only counts when it stands in the same sentence as the word that gives it meaning.
import { wordMatches, type WordPattern } from './word-start.js';

export interface Sentence {
  text: string;
  /** Offset of the sentence in the searched text. */
  index: number;
  /** Offset just past its end. */
  end: number;
}

const MAX_SIDE = 300;

/** The sentences of `text` that contain a match of `pattern` (a RegExp must carry the g flag). */
export function sentencesMatching(text: string, pattern: RegExp | WordPattern): Sentence[] {
  const out: Sentence[] = [];
  let lastEnd = -1;
  for (const m of pattern instanceof RegExp ? text.matchAll(pattern) : wordMatches(text, pattern)) {
    const at = m.index!;
    if (at < lastEnd) continue;
    const start = sentenceStart(text, at);
    const end = sentenceEnd(text, at + m[0].length);
    out.push({ text: text.slice(start, end).replace(/\s+/g, ' ').trim(), index: start, end });
    lastEnd = end;
  }
  return out;
}

/** The sentence that follows offset `from` (the end of another), on one line; '' at the end. */
export function sentenceAfter(text: string, from: number): string {
  const start = from + (/^\s*/.exec(text.slice(from, from + MAX_SIDE))?.[0].length ?? 0);
  return start >= text.length ? '' : text.slice(start, sentenceEnd(text, start)).replace(/\s+/g, ' ').trim();
}

function sentenceStart(text: string, at: number): number {
  const floor = Math.max(0, at - MAX_SIDE);
  for (let i = at - 1; i >= floor; i--) {
    const c = text[i]!;
    if (c === '\n' && (text[i - 1] === '\n' || /[.!?:]\s*$/.test(text.slice(Math.max(0, i - 2), i)) || !continues(text, i))) return i + 1;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i + 1] ?? '') && !abbreviation(text, i)) return i + 1;
  }
  return floor;
}

function sentenceEnd(text: string, from: number): number {
  const ceil = Math.min(text.length, from + MAX_SIDE);
  for (let i = from; i < ceil; i++) {
    const c = text[i]!;
    if (c === '\n' && (text[i + 1] === '\n' || !continues(text, i))) return i;
    if ((c === '.' || c === '!' || c === '?') && (/\s/.test(text[i + 1] ?? ' ') || i + 1 === text.length) && !abbreviation(text, i)) return i + 1;
  }
  return ceil;
}

/**
 * A line break inside a sentence (wrapped plain text): the next line starts in lower case, or
 * this one ends on a word that needs what follows ("accepted until\n11:59 PM PT on May 3").
 */
function continues(text: string, newline: number): boolean {
  return /^[ \t]*[a-zà-ÿ(]/.test(text.slice(newline + 1, newline + 4)) || OPEN_ENDED.test(text.slice(Math.max(0, newline - 12), newline)) || PERIOD_FIRST.test(text.slice(newline + 1, newline + 24));
}

// "… nehmen wir innert\n30 Tagen zurück": a line that starts with a period of time goes on a sentence.
const PERIOD_FIRST = /^[ \t]*\d{1,3}[ \t]*(?:days?|tage?n?|jours?|d[ií]as|giorni|dagen|hours?|stunden|heures?|horas|ore|uur|weeks?|wochen|semaines?|semanas|settimane|weken)(?![\p{L}])/iu;

const OPEN_ENDED = /(?<![\p{L}])(?:until|till|by|before|at|on|within|to|bis|um|vor|innerhalb|innert|jusqu['’]?\s*(?:à|au)|avant|à|le|hasta|antes\s+de|las|entro|fino\s+a|alle|tot|voor|om|binnen)[ \t]*$/iu;

function abbreviation(text: string, dot: number): boolean {
  const word = /(\S+)$/.exec(text.slice(Math.max(0, dot - 6), dot))?.[1] ?? '';
  return /^(?:no|nr|n|z\.b|bzw|ca|inkl|zzgl|approx|incl|etc|vs|st|dr|mr|mrs|ms|p|m|e\.g|i\.e|a\.m|p\.m|\d+)$/i.test(word);
}
