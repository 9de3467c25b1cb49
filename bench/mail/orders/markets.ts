// Where the generated orders are placed: language, locale, currency, time zone, VAT and the
// customers' mail providers and towns of each market, and how often each market comes up.
import type { Rng } from '../rng.js';

export type Lang = 'en' | 'de' | 'fr' | 'es' | 'it' | 'nl';

export interface Market {
  lang: Lang;
  locale: string;
  currency: string;
  tld: string;
  /** UTC offset in minutes, fixed per market (no DST: the generator needs no zone database). */
  offset: number;
  /** Prices include VAT (printed as "incl. VAT") rather than tax added on top. */
  vatIncluded: number | null;
  mailDomains: string[];
  /** Postcode and town lines of customers there. */
  cities: string[];
}

const MARKETS: Market[] = [
  { lang: 'en', locale: 'en-US', currency: 'USD', tld: 'com', offset: -240, vatIncluded: null, mailDomains: ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com'], cities: ['Portland, OR 97205', 'Boston, MA 02116', 'Atlanta, GA 30303'] },
  { lang: 'en', locale: 'en-US', currency: 'USD', tld: 'com', offset: -420, vatIncluded: null, mailDomains: ['gmail.com', 'comcast.net', 'hotmail.com'], cities: ['Denver, CO 80202', 'Phoenix, AZ 85004', 'Boise, ID 83702'] },
  { lang: 'en', locale: 'en-GB', currency: 'GBP', tld: 'co.uk', offset: 60, vatIncluded: 20, mailDomains: ['gmail.com', 'btinternet.com', 'outlook.com'], cities: ['Manchester M1 4BT', 'Bristol BS1 5TR', 'Leeds LS1 4DY'] },
  { lang: 'en', locale: 'en-CA', currency: 'CAD', tld: 'ca', offset: -300, vatIncluded: null, mailDomains: ['gmail.com', 'rogers.com', 'outlook.com'], cities: ['Toronto, ON M5V 2T6', 'Ottawa, ON K1P 1J1', 'Halifax, NS B3J 1S9'] },
  { lang: 'en', locale: 'en-AU', currency: 'AUD', tld: 'com.au', offset: 600, vatIncluded: 10, mailDomains: ['gmail.com', 'bigpond.com', 'outlook.com'], cities: ['Brisbane QLD 4000', 'Sydney NSW 2000', 'Melbourne VIC 3000'] },
  { lang: 'en', locale: 'en-IE', currency: 'EUR', tld: 'ie', offset: 60, vatIncluded: 23, mailDomains: ['gmail.com', 'eircom.net'], cities: ['Dublin D02 X285', 'Cork T12 W8CD', 'Galway H91 E2K3'] },
  { lang: 'de', locale: 'de-DE', currency: 'EUR', tld: 'de', offset: 120, vatIncluded: 19, mailDomains: ['gmx.de', 'web.de', 't-online.de', 'gmail.com'], cities: ['10115 Berlin', '80331 München', '50667 Köln', '20095 Hamburg'] },
  { lang: 'de', locale: 'de-AT', currency: 'EUR', tld: 'at', offset: 120, vatIncluded: 20, mailDomains: ['gmx.at', 'aon.at', 'gmail.com'], cities: ['1010 Wien', '5020 Salzburg', '8010 Graz'] },
  { lang: 'de', locale: 'de-CH', currency: 'CHF', tld: 'ch', offset: 120, vatIncluded: 8.1, mailDomains: ['bluewin.ch', 'gmx.ch', 'gmail.com'], cities: ['8001 Zürich', '3011 Bern', '4051 Basel'] },
  { lang: 'fr', locale: 'fr-FR', currency: 'EUR', tld: 'fr', offset: 120, vatIncluded: 20, mailDomains: ['orange.fr', 'free.fr', 'laposte.net', 'gmail.com'], cities: ['75005 Paris', '69002 Lyon', '33000 Bordeaux', '13001 Marseille'] },
  { lang: 'fr', locale: 'fr-BE', currency: 'EUR', tld: 'be', offset: 120, vatIncluded: 21, mailDomains: ['skynet.be', 'gmail.com'], cities: ['1000 Bruxelles', '4000 Liège', '5000 Namur'] },
  { lang: 'fr', locale: 'fr-CH', currency: 'CHF', tld: 'ch', offset: 120, vatIncluded: 8.1, mailDomains: ['bluewin.ch', 'gmail.com'], cities: ['1204 Genève', '1003 Lausanne', '2000 Neuchâtel'] },
  { lang: 'es', locale: 'es-ES', currency: 'EUR', tld: 'es', offset: 120, vatIncluded: 21, mailDomains: ['gmail.com', 'hotmail.es', 'telefonica.net'], cities: ['28013 Madrid', '08007 Barcelona', '41001 Sevilla', '46002 Valencia'] },
  { lang: 'es', locale: 'es-MX', currency: 'MXN', tld: 'com.mx', offset: -360, vatIncluded: 16, mailDomains: ['gmail.com', 'hotmail.com', 'prodigy.net.mx'], cities: ['06600 Ciudad de México, CDMX', '44100 Guadalajara, Jal.', '64000 Monterrey, N.L.'] },
  { lang: 'it', locale: 'it-IT', currency: 'EUR', tld: 'it', offset: 120, vatIncluded: 22, mailDomains: ['libero.it', 'virgilio.it', 'gmail.com'], cities: ['20121 Milano', '00184 Roma', '50122 Firenze', '40121 Bologna'] },
  { lang: 'nl', locale: 'nl-NL', currency: 'EUR', tld: 'nl', offset: 120, vatIncluded: 21, mailDomains: ['ziggo.nl', 'kpnmail.nl', 'gmail.com'], cities: ['1012 AB Amsterdam', '3511 LN Utrecht', '3011 AD Rotterdam'] },
  { lang: 'nl', locale: 'nl-BE', currency: 'EUR', tld: 'be', offset: 120, vatIncluded: 21, mailDomains: ['telenet.be', 'gmail.com'], cities: ['2000 Antwerpen', '9000 Gent', '3000 Leuven'] },
];
// English a third of the time, the other five languages share the rest.
const MARKET_WEIGHTS = [14, 6, 8, 4, 4, 2, 10, 4, 3, 8, 3, 2, 6, 3, 8, 6, 3];

export function drawMarket(rng: Rng): Market {
  const sum = MARKET_WEIGHTS.reduce((a, b) => a + b, 0);
  let u = rng.next() * sum;
  for (let i = 0; i < MARKETS.length; i++) {
    u -= MARKET_WEIGHTS[i]!;
    if (u < 0) return MARKETS[i]!;
  }
  return MARKETS[0]!;
}
