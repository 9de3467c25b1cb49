// A WordPattern finds what its pattern would find with (?<![\p{L}]) in front: matches that start a
// word, in order, and no others.
import { describe, expect, it } from 'vitest';
import { firstWordMatch, wordMatches, wordPattern } from '../../src/extract/word-start.js';

/** The matches of the same pattern written with the lookbehind, as [index, text]. */
const withLookbehind = (source: string, flags: string) => (text: string) =>
  [...text.matchAll(new RegExp(String.raw`(?<![\p{L}])` + source, `${flags}g`))].map((m) => [m.index, m[0]]);

describe('patterns that start a word', () => {
  it('skips a match inside a word and finds the next one that starts a word', () => {
    const p = wordPattern(String.raw`(?:cancel\w*|return\w*)`, 'iu');
    expect([...wordMatches('Uncancelled orders: cancel within 2 hours; noreturn, Returns in 30 days', p)].map((m) => m[0])).toEqual(['cancel', 'Returns']);
  });

  it('reads a letter outside the basic plane before the match as a letter', () => {
    const p = wordPattern('total', 'iu');
    expect(firstWordMatch('\u{1D400}total', p)).toBeNull(); // MATHEMATICAL BOLD CAPITAL A
    expect(firstWordMatch('\u{1F600}total', p)?.index).toBe(2); // an emoji is no letter
  });

  it('can refuse a digit before the match too (amounts: "A12.00" and "112.00" hold no amount starting at "12")', () => {
    const p = wordPattern(String.raw`\d+\.\d{2}`, 'u', 'letter or digit');
    expect([...wordMatches('A12.00 and 7.50', p)].map((m) => m[0])).toEqual(['7.50']);
  });

  it('gives the same matches as the lookbehind on mixed text', () => {
    const source = String.raw`(?:order\s*(?:number|no\.?)?|bestell\w*|commande|n[°º])`;
    const text = 'Reorder now! Order number 1042, Bestellnummer 77, Vorbestellung, commande n° 5, sous-commande, recommandé, ORDER no. 9';
    expect([...wordMatches(text, wordPattern(source, 'iu'))].map((m) => [m.index, m[0]])).toEqual(withLookbehind(source, 'iu')(text));
  });

  it('can be used inside a loop over the same pattern', () => {
    const p = wordPattern('ab', 'u');
    const pairs: string[] = [];
    for (const a of wordMatches('ab ab', p)) for (const b of wordMatches('ab xab ab', p)) pairs.push(`${a.index}-${b.index}`);
    expect(pairs).toEqual(['0-0', '0-7', '3-0', '3-7']);
  });
});
