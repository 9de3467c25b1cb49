import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/extract/language.js';

describe('the language of an email', () => {
  it('words shared by several languages ("de", "en", "la") do not tip Spanish or French mail into Dutch', () => {
    expect(detectLanguage('Cancelación gratuita hasta 48 horas antes de la hora de recogida. Recogida en el Aeropuerto de Málaga, Terminal 3. Devolución en la oficina de Málaga centro.')).toBe('es');
    expect(detectLanguage("Un souci ? Vous disposez de 14 jours après réception pour nous retourner un article en parfait état de revente.")).toBe('fr');
  });

  it('reads Dutch, German, Italian and English mail as such', () => {
    expect(detectLanguage('Bedankt voor je bestelling! Je kunt de bestelling annuleren tot verzending. Wij sturen je een e-mail zodra het pakket onderweg is.')).toBe('nl');
    expect(detectLanguage('Vielen Dank für Ihre Bestellung. Wir haben sie erhalten und melden uns, sobald sie versandt ist.')).toBe('de');
    expect(detectLanguage("Grazie per il tuo ordine. L'ordine può essere annullato entro 24 ore dall'acquisto.")).toBe('it');
    expect(detectLanguage('Thank you for your order. We will email you when it has shipped.')).toBe('en');
  });
});
