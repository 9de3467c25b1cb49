// Which language an email is written in decides how its dates and numbers are read
// ("03/05" is March in Ohio and May in Lyon). Common function words are a reliable signal in
// transactional mail, which is short and formulaic.

export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

const WORDS: Record<Language, string[]> = {
  en: ['the', 'your', 'and', 'order', 'you', 'with', 'for', 'has', 'been', 'will', 'our', 'this', 'thank', 'shipping', 'items'],
  de: ['der', 'die', 'das', 'und', 'ihre', 'ihr', 'bestellung', 'wir', 'sie', 'mit', 'für', 'vielen', 'dank', 'nicht', 'ist', 'zu'],
  fr: ['le', 'la', 'les', 'et', 'votre', 'vos', 'commande', 'nous', 'pour', 'avec', 'merci', 'est', 'des', 'une', 'du', 'de', 'en', 'vous'],
  es: ['el', 'los', 'las', 'y', 'tu', 'su', 'pedido', 'gracias', 'por', 'con', 'para', 'tus', 'del', 'una', 'hemos', 'de', 'en', 'la', 'que', 'se', 'al', 'está'],
  it: ['il', 'gli', 'e', 'tuo', 'tuoi', 'ordine', 'grazie', 'per', 'con', 'del', 'della', 'una', 'sono', 'abbiamo', 'che', 'la', 'di', 'non'],
  nl: ['de', 'het', 'en', 'je', 'jouw', 'uw', 'bestelling', 'bedankt', 'voor', 'met', 'van', 'een', 'wij', 'is', 'niet'],
};

const INDEX = new Map<string, Language[]>();
for (const lang of LANGUAGES) for (const w of WORDS[lang]) INDEX.set(w, [...(INDEX.get(w) ?? []), lang]);

/** The language with the most function words among the first few thousand words; English on a tie. */
export function detectLanguage(text: string): Language {
  const scores: Record<Language, number> = { en: 0, de: 0, fr: 0, es: 0, it: 0, nl: 0 };
  const words = text.slice(0, 20_000).toLowerCase().match(/[a-zàâäçéèêëîïôöûüùñß]+/g) ?? [];
  for (const w of words) for (const lang of INDEX.get(w) ?? []) scores[lang]++;
  let best: Language = 'en';
  for (const lang of LANGUAGES) if (scores[lang] > scores[best]) best = lang;
  return best;
}
