// The text a person sees in an HTML email: elements make the lines, not the line breaks of its source.
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/extract/html.js';

describe('HTML as text', () => {
  it('a line break in the source is a space; blocks and rows make the lines', () => {
    const html = `<table><tr>\n  <th>Sujet&nbsp;: </th>\n  <td>Confirmation de votre\n commande</td>\n</tr><tr><td>De&nbsp;:</td><td>Literie <a href="mailto:c@l.fr">&lt;c@l.fr&gt;</a></td></tr></table><p>Merci</p>`;
    expect(readHtml(html).text).toBe('Sujet :  Confirmation de votre commande\nDe :  Literie <c@l.fr>\nMerci');
  });

  it('keeps the lines of preformatted text', () => {
    expect(readHtml('<pre>Order 1042\nTotal  $81.00</pre>').text).toBe('Order 1042\nTotal  $81.00');
  });
});
