// The one link that cancels or manages this order. A "cancel" link beats a "view order" link;
// tracking, shop-again, cart recovery, account home, unsubscribe and social links never count.
// The href is returned exactly as the email has it (tracking redirects included).
import type { Link } from './html.js';

const CANCEL = /(?<![\p{L}])(?:cancel\w*|storn\w*|annul\w*|cancela\w*|anula\w*|annulla\w*|annuleer\w*|annuleren|widerruf\w*)/iu;
const MANAGE_TEXT = new RegExp(
  [
    String.raw`(?:view|see|manage|check|edit|change|modify|review|open)\s+(?:your\s+|my\s+|this\s+)?(?:order|purchase)`,
    String.raw`order\s+(?:details|status|page|summary)`, String.raw`(?:your|my)\s+order(?!s)`, String.raw`make\s+changes`,
    String.raw`manage\s+(?:your\s+|my\s+|this\s+)?(?:delivery|box)`,
    // a delivery managed: "Levering beheren", "Lieferung verwalten", "Gérer la livraison"
    String.raw`(?:levering|bezorging)\s+(?:beheren|wijzigen|aanpassen)`, String.raw`(?:beheer|wijzig)\s+(?:je\s+|jouw\s+|uw\s+)?(?:levering|bezorging)`, String.raw`lieferung\s+(?:verwalten|[äa]ndern|bearbeiten)`,
    String.raw`g[ée]rer\s+(?:ma\s+|votre\s+|la\s+)?livraison`, String.raw`gestionar\s+(?:mi\s+|tu\s+|su\s+|la\s+)?entrega`, String.raw`gestisci\s+(?:la\s+(?:tua\s+)?)?consegna`,
    String.raw`bestell(?:ung|details|status|übersicht)`, String.raw`auftrag\s+ansehen`, String.raw`(?:vorbestellung|subskription|buchung|reservierung)\s+(?:verwalten|ansehen|anzeigen|[äa]ndern|bearbeiten)`,
    String.raw`(?:voir|g[ée]rer|consulter|modifier|d[ée]tails?\s+de)\s+(?:le\s+d[ée]tail\s+de\s+)?(?:ma\s+|votre\s+|la\s+|cette\s+)?commande`, String.raw`ma\s+commande|votre\s+commande`,
    String.raw`(?:ver|gestionar|consultar|modificar|detalles?\s+del?)\s+(?:mi\s+|tu\s+|su\s+|el\s+)?pedido`, String.raw`mi\s+pedido|tu\s+pedido`,
    String.raw`(?:visualizza|vedi|gestisci|dettagli[oa]?|modifica)\s+(?:il\s+|dell['’]\s*)?(?:tuo\s+|mio\s+)?ordine`, String.raw`il\s+(?:tuo|mio)\s+ordine`, String.raw`(?:vai|torna)\s+all['’]\s*ordine`, String.raw`stato\s+(?:dell['’]\s*|del\s+(?:tuo\s+)?)ordine`,
    String.raw`estado\s+(?:de\s+(?:tu|su|mi)\s+|del\s+)pedido`, String.raw`status\s+van\s+(?:je|jouw|uw)\s+bestelling`, String.raw`bestelstatus`, String.raw`[ée]tat\s+de\s+(?:ma|votre)\s+commande`,
    String.raw`manage\s+(?:your\s+|my\s+)?(?:booking|trip|reservation)`, String.raw`gestisci\s+(?:il\s+tuo\s+|la\s+tua\s+)?(?:viaggio|prenotazione)`, String.raw`buchung\s+verwalten`, String.raw`g[ée]rer\s+(?:ma|votre)\s+r[ée]servation`, String.raw`gestionar\s+(?:mi|tu|su)\s+reserva`, String.raw`boeking\s+beheren`,
    String.raw`(?:bekijk|beheer|wijzig)\s+(?:je\s+|jouw\s+|uw\s+|mijn\s+)?bestelling`, String.raw`bestelling\s+(?:bekijken|beheren|wijzigen)`, String.raw`naar\s+(?:je|jouw|uw|mijn)\s+bestelling`,
    // trips, tickets, stays and appointments
    String.raw`(?:view|see|manage|find|check|open|change)\s+(?:your\s+|my\s+|this\s+)?(?:trip|booking|reservation|tickets?|itinerary|appointment|stay)`,
    String.raw`(?:reise|tickets?|termin)\s+(?:verwalten|ansehen|anzeigen|[äa]ndern|bearbeiten)`, String.raw`(?:meine|ihre|deine)\s+(?:buchung|reservierung|reise|tickets?)`,
    String.raw`(?:voir|g[ée]rer|retrouver|consulter|modifier)\s+(?:mon|ma|mes|votre|vos)\s+(?:voyages?|r[ée]servations?|billets?|rendez-vous|s[ée]jour)`,
    String.raw`(?:ver|gestionar|consultar|modificar)\s+(?:mi|tu|su|mis|tus|sus)\s+(?:reservas?|viajes?|billetes?|entradas?|cita)`,
    String.raw`(?:visualizza|vedi|gestisci|modifica)\s+(?:la\s+tua\s+|il\s+tuo\s+|i\s+tuoi\s+|le\s+tue\s+)?(?:prenotazion[ei]|viaggio|bigliett[oi]|appuntamento)`,
    String.raw`(?:bekijk|beheer|wijzig)\s+(?:je\s+|jouw\s+|uw\s+|mijn\s+)?(?:reservering|boeking|reis|tickets?|afspraak)`,
  ].join('|'),
  'iu',
);
const ORDER_PATH = /\/(?:orders?|order-status|sales-orders?|purchases?|my-orders|bestellung(?:en)?|auftr(?:ag|aege)|commandes?|pedidos?|ordini|ordine|bestellingen|bestelling)(?:[/?#-]|$)|[?&](?:order|o|order_id|orderid|id|id_order|order_reference)=|controller=order-detail/i;
const NEVER = new RegExp(
  [
    String.raw`unsubscribe|abmelden|abbestell|d[ée]sinscri|d[ée]sabonn|darse\s+de\s+baja|disiscriv|iscrizione|suscripci[óo]n|subscription|abonnement|uitschrijven|afmelden|opt[-\s]?out|preferences|einstellungen`,
    String.raw`shop\s+again|buy\s+again|reorder|order\s+again|continue\s+shopping|shop\s+now|erneut\s+kaufen|weiter\s+einkaufen|racheter|volver\s+a\s+comprar|riacquista|opnieuw\s+bestellen|verder\s+winkelen|seguir\s+comprando|continuer\s+(?:mes|vos)\s+achats|continua\s+(?:lo\s+)?shopping`,
    String.raw`browser|web\s+version|online\s+version|im\s+browser|version\s+en\s+ligne|ver\s+en\s+(?:el\s+)?navegador|versione\s+web|in\s+je\s+browser`,
    String.raw`review|rate|bewert|avis|valora|valuta|recensi|beoordeel|survey|umfrage|enqu[êe]te|encuesta|sondaggio|enquête`,
    // a star of a rating row
    String.raw`[★☆⭐]`,
    String.raw`pay\s+again|retry\s+payment|complete\s+(?:your\s+)?payment|erneut\s+bezahlen|jetzt\s+bezahlen|payer\s+(?:à\s+nouveau|maintenant)|pagar\s+(?:de\s+nuevo|ahora)|paga\s+(?:di\s+nuovo|ora)|opnieuw\s+betalen|nu\s+betalen`,
    String.raw`widerrufsbelehrung|widerrufsrecht|widerrufsformular`,
    // Italian "Cancellati" is "unsubscribe (yourself)"
    String.raw`cancellati(?![\p{L}])`,
    String.raw`privacy|datenschutz|confidentialit|privacidad|terms|agb|conditions|condiciones|condizioni|voorwaarden|faq|help\s*cent|hilfe|aide|ayuda|aiuto`,
  ]
    .join('|')
    .replace(/^/, String.raw`(?<![\p{L}])(?:`)
    .concat(')'),
  'iu',
);
/**
 * Parcel tracking: never the order's own link, unless the words also offer to cancel ("Track or
 * cancel order") or, as a button, follow the order rather than a parcel ("Suivre ma commande").
 */
const TRACKING_TEXT = /(?<![\p{L}])(?:track|verfolg|suivi|suivre|seguimiento|seguir|traccia|tracking|volg|follow|(?:on|auf|sur|en|sulla|op)\s+(?:the\s+|der\s+|la\s+|el\s+|de\s+)?(?:map|karte|carte|mapa|mappa|kaart))/iu;
const FOLLOWS_ORDER = /(?<![\p{L}])(?:my|your|ma|votre|meine|ihre|deine|mi|tu|su|il\s+(?:mio|tuo|suo|vostro)|mijn|je|uw)\s+(?:order|commande|bestellung|pedido|ordine|bestelling)(?![\p{L}])/iu;
// Campaign parameters name the mailing, not the link: "utm_campaign=order_cancelled" on a shop's home page.
const CAMPAIGN_PARAM = /^(?:utm_|mc_|_hs|campaign|cmp|cid$|src$|source$|medium$|ref$)/i;
// Cart and checkout pages are recovery links, unless the link itself says it cancels (WooCommerce does).
const CART_URL = /\/(?:cart|checkout|basket|warenkorb|panier|carrito|carrello|winkelwagen)(?:[/?#]|$)/i;
const NEVER_URL = /unsubscribe|optout|opt-out|order-pay|pay_for_order|widerrufsbelehrung|widerrufsrecht|widerrufsformular|muster-widerruf|disiscriv|d[ée]sinscri|d[ée]sabonn|abbestell|abmeld|afmeld|uitschrijv|darse-de-baja|\/track(?:ing)?(?!\/click)(?:[/?#.]|$)|[?&](?:tn|tracking(?:_?number)?|trackingnumber)=|facebook\.com|instagram\.com|twitter\.com|pinterest\.com|youtube\.com|tiktok\.com|linkedin\.com|apps\.apple\.com|play\.google\.com|\.(?:png|jpe?g|gif|svg)(?:\?|$)|\/(?:contact(?:-us)?|kontakt|contacto|contact[eé]z-nous|contatti|contattaci|help|hilfe|aide|ayuda|aiuto|support|faq)\/?(?:[?#]|$)/i;
const CARRIERS = /(?:^|\.)(?:ups|usps|fedex|dhl|royalmail|canadapost|canadapost-postescanada|auspost|laposte|colissimo|chronopost|correos|poste|postnl|dpd|gls-group|hermesworld|myhermes|evri|parcelforce|purolator|nzpost|bluedart|delhivery|aftership|narvar|17track|parcelsapp|bpost|sendle|seur|mrw|brt|sda|gls-info|dhlparcel)\.[a-z.]+$/i;

export interface FoundLink {
  href: string;
  evidence: string;
}

/**
 * The link that cancels or manages the order. `text`, the mail's text, lets a link printed in it be
 * read with the words before it: "Order #2206 is unchanged … keep an eye on it here: <link>" in a
 * mail about #2207 manages the other order.
 */
export function findOrderLink(links: Link[], orderNumber: string | null, text = ''): FoundLink | null {
  let best: { score: number; link: Link } | null = null;
  const seen = new Set<string>();
  for (const link of links) {
    // Most links (products, social, footers) say nothing about this order: they score 0 unread.
    if (!mayConcernOrder(link, orderNumber)) continue;
    // The same link under the same words is scored once (templates repeat buttons and logos).
    const key = `${link.href}\n${link.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const score = scoreLink(link, orderNumber);
    if (score > 0 && (!best || score > best.score) && !aboutAnotherOrder(link, orderNumber, text)) best = { score, link };
  }
  return best ? { href: best.link.href, evidence: `${best.link.text || best.link.before} -> ${best.link.href}`.trim() } : null;
}

// Every word CANCEL matches holds one of these (same flags, so the same letters match).
const CANCEL_STEM = /cancel|storn|annul|anula|widerruf/iu;

// Matches wherever CANCEL_STEM or ORDER_PATH does (with "u", a case-insensitive pattern matches no less).
const HREF_HINT = new RegExp(`${CANCEL_STEM.source}|${ORDER_PATH.source}`, 'iu');

/** Whether a link can score at all: a web link whose words or address speak of cancelling, managing or this order. */
function mayConcernOrder(link: Link, orderNumber: string | null): boolean {
  if (!/^https?:\/\//i.test(link.href)) return false;
  // Addresses are long (click-tracking redirects): one pass rules out both of the address tests below.
  const hrefMay = HREF_HINT.test(link.href);
  return (CANCEL_STEM.test(link.text) && CANCEL.test(link.text)) || MANAGE_TEXT.test(link.text) || (hrefMay && CANCEL_STEM.test(link.href) && CANCEL.test(link.href)) ||
    (hrefMay && ORDER_PATH.test(link.href)) || ORDER_PATH.test(link.text) || names(orderNumber, link.href, link.text) || /^(?:here|hier|ici|aqu[ií]|qui)$/i.test(link.text);
}

/** A link's score; only for links that may concern the order (mayConcernOrder). */
function scoreLink(link: Link, orderNumber: string | null): number {
  let host = '';
  let path = '';
  try {
    const url = new URL(link.href);
    host = url.hostname;
    // ("?ref=GW-DUB-57721" names the booking itself: a parameter that carries the order number stays)
    for (const name of [...url.searchParams.keys()]) if (CAMPAIGN_PARAM.test(name) && !names(orderNumber, url.searchParams.get(name) ?? '')) url.searchParams.delete(name);
    // the part after # too: single-page shops route there ("/account#/orders/1487260512345-01")
    path = decodeURIComponent(url.pathname + url.search + url.hash);
  } catch {
    return 0;
  }
  const text = link.text;
  if (NEVER.test(text) || NEVER_URL.test(link.href) || CARRIERS.test(host)) return 0;
  const cancelText = CANCEL.test(text) || (text.length < 25 && /^(?:here|hier|ici|aqu[ií]|qui)$/i.test(text) && CANCEL.test(link.before));
  if (!cancelText && TRACKING_TEXT.test(text) && !(text.length <= 40 && FOLLOWS_ORDER.test(text))) return 0;
  const cancelUrl = CANCEL.test(path);
  const numbered = names(orderNumber, path, text);
  if (cancelText && (cancelUrl || !CART_URL.test(path))) return 10 + (numbered ? 2 : 0) + (cancelUrl ? 1 : 0);
  if (CART_URL.test(path)) return 0;
  if (cancelUrl) return 10 + (numbered ? 2 : 0);
  const manageText = MANAGE_TEXT.test(text);
  // A link whose visible text is an address shows where it leads: read that as its path too.
  const orderPath = ORDER_PATH.test(path) || (/^https?:\/\/\S+$/i.test(text.trim()) && ORDER_PATH.test(text));
  if (!manageText && !orderPath && !numbered) return 0;
  // An account home ("/account") or the list of all orders is not this order's page.
  if (!numbered && /\/(?:account|my-account|konto|compte|cuenta|orders|your-orders|order-history|orderhistory|bestellungen|bestellhistorie|commandes|historique-(?:des-)?commandes|pedidos|historial-(?:de-)?pedidos|ordini|storico-ordini|bestellingen|bestelgeschiedenis)\/?(?:[?#].*)?$/i.test(path)) return 0;
  return (manageText ? 4 : 0) + (orderPath ? 2 : 0) + (numbered ? 3 : 0);
}

// "Order #2206", "ordine n. BS-77120", "#2206": a reference to an order by its number.
const ORDER_REFERENCE = /(?:(?<![\p{L}])(?:order|bestellung|commande|pedido|ordine|bestelling)\s*(?:n[°º.]?\s*|nr\.?\s*|no\.?\s*)?#?\s*|#\s?)([A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*)(?![\p{L}\d])/giu;

/** Whether the order the words just before the link name last is another than this one. */
function aboutAnotherOrder(link: Link, orderNumber: string | null, text: string): boolean {
  if (!orderNumber || names(orderNumber, link.href, link.text)) return false;
  const at = text.indexOf(link.href);
  const before = at > 0 ? text.slice(Math.max(0, at - 200), at) : link.before;
  const paragraph = before.slice(before.lastIndexOf('\n\n') + 1);
  const named = [...paragraph.matchAll(ORDER_REFERENCE)].map((m) => m[1]!);
  return named.length > 0 && named[named.length - 1] !== orderNumber;
}

/** Whether any of `places` (an address, a link text) carries the order number. */
function names(orderNumber: string | null, ...places: string[]): boolean {
  return orderNumber !== null && orderNumber !== '' && places.some((p) => p.includes(orderNumber));
}
