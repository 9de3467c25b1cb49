// What an email is about. The subject and the opening lines say it; the body's fine print
// ("you can cancel within an hour", "we'll email you when it ships") must not. A false order is
// worse than a missed one, so an order needs its number and a charge, and anything that looks
// like marketing, account or survey mail is `other` unless it plainly speaks of one placed order.
import type { Kind } from './extraction.js';

// One lookbehind around the whole alternation, not one per phrase: the regex engine then tests
// the phrases only where a word starts.
const phrases = (...alternatives: string[]) => new RegExp(String.raw`(?<![\p{L}])(?:${alternatives.join('|')})`, 'iu');
/** Whole words only: "bienvenue" is marketing, "BIENVENUE10" is a discount code on a receipt. */
const words = (...alternatives: string[]) => new RegExp(String.raw`(?<![\p{L}\d])(?:${alternatives.join('|')})(?![\p{L}\d])`, 'iu');

// German compounds name the kind of order: Vorbestellung, Sammelbestellung, Subskriptionsbestellung
// (never Abbestellung, an unsubscription).
const COMPOUND = String.raw`(?:(?!ab)\p{L}{2,20})?`;

const DENIED = phrases(
  String.raw`(?:unable|not\s+able|couldn[’']?t|could\s+not|can[’']?t|cannot|can\s+no\s+longer|(?:were|was)\s+not\s+able|(?:weren|wasn|aren|isn)[’']?t\s+able|too\s+late(?:\s+for\s+(?:us|me))?)\s+(?:to\s+)?(?:be\s+)?(?:cancel|stop)`,
  String.raw`(?:no\s+longer|not)\s+(?:be\s+)?(?:cancell?able|possible\s+to\s+cancel)`, String.raw`can(?:not|[’']t)\s+be\s+cancell?ed`, String.raw`could(?:\s+not|n[’']t)\s+be\s+cancell?ed`,
  String.raw`cancell?ation\s+(?:request\s+)?(?:was\s+|has\s+been\s+)?(?:declined|denied|rejected|unsuccessful|not\s+possible)`, String.raw`too\s+late\s+to\s+cancel`,
  String.raw`(?:konnte|konnten|k[öo]nnen)\s+(?:wir\s+)?(?:ihre\s+|deine\s+|die\s+)?(?:bestellung\s+)?(?:\S+\s+)?(?:leider\s+)?(?:nicht|nicht\s+mehr)\s+(?:mehr\s+)?storn`, String.raw`nicht\s+mehr\s+(?:storniert|stornierbar|storn)`, String.raw`stornierung\s+(?:ist\s+|war\s+|w[äa]re\s+)?(?:(?:leider|daher|somit|deshalb|nun|jetzt)\s+)*nicht\s+(?:mehr\s+)?m[öo]glich`,
  String.raw`(?:ne\s+)?(?:peut|peux|pouvons|pourrons|pouvions|a\s+pu|ai\s+pu)\s+(?:(?:donc|malheureusement|h[ée]las)\s+)*(?:plus|pas)\s+(?:être\s+|l['’]\s*|la\s+|le\s+)?annul`, String.raw`(?:plus|pas)\s+possible\s+d['’e]\s*(?:l['’]\s*)?annuler`,
  String.raw`no\s+longer\s+possible\s+to\s+cancel`, String.raw`nicht\s+mehr\s+m[öo]glich,?\s+(?:\p{L}+\s+){0,4}?zu\s+stornieren`, String.raw`ya\s+no\s+es\s+posible\s+(?:cancelar|anular)`, String.raw`niet\s+meer\s+mogelijk\s+om\s+(?:\p{L}+\s+){0,4}?te\s+annuleren`, String.raw`annulation\s+(?:est\s+)?(?:impossible|refus[ée]e|pas\s+possible)`, String.raw`ne\s+pouvons\s+(?:(?:donc|malheureusement|hélas)\s+)*(?:plus|pas)\s+(?:l['’]\s*)?annuler`, String.raw`l['’]annulation\s+n['’]est\s+(?:(?:donc|malheureusement)\s+)*plus\s+possible`,
  String.raw`annuleren\s+(?:lukt|kan)\s+(?:helaas\s+|dus\s+)*niet\s+meer`, String.raw`(?:ik|we|wij)\s+(?:kan|kunnen|konden|kon)\s+(?:\p{L}+\s+){0,3}?(?:helaas\s+)?niet\s+(?:meer\s+)?(?:\p{L}+\s+)?annuleren`, String.raw`annuleren\s+(?:is|was)\s+(?:helaas\s+|dus\s+)*niet\s+meer\s+mogelijk`, String.raw`n['’]avons\s+(?:pas|plus)\s+pu\s+(?:l['’]\s*|la\s+|le\s+)?annuler`, String.raw`impossible\s+d'annuler`,
  String.raw`no\s+(?:se\s+)?(?:puede|puedo|podemos|pude|pudimos|ha\s+podido|he\s+podido|es\s+posible)\s+(?:ser\s+)?(?:cancelar|anular|cancelad)`, String.raw`cancelaci[óo]n\s+(?:no\s+es\s+posible|rechazada|denegada)`, String.raw`ya\s+no\s+(?:se\s+)?puede\s+(?:ser\s+)?(?:cancelar|anular)`, String.raw`no\s+(?:hemos|hab[íi]amos)\s+podido\s+(?:cancelar|anular)`,
  String.raw`non\s+(?:è|e[’'])\s+(?:più\s+|stato\s+)?possibile\s+(?:annull|cancell)\w*`, String.raw`non\s+(?:possiamo|posso|può|potuto|riesco|riusciamo|siamo\s+riusciti\s+ad?|sono\s+riuscit[oa]\s+ad?)\s+(?:più\s+)?(?:a\s+)?(?:essere\s+)?(?:annull|cancell)`, String.raw`annullamento\s+(?:non\s+(?:è\s+)?possibile|rifiutato)`,
  // "in diesem Stadium können wir sie leider nicht mehr zurückholen": the parcel can no longer be stopped
  String.raw`(?:can(?:not|[’']t)|could(?:n[’']t|\s+not)|(?:are|were|re)\s+(?:no\s+longer\s+able|not\s+able|unable)\s+to|no\s+longer)\s+(?:stop|recall|intercept|halt|pull\s+back)\s+(?:it|this|that|the|your)`,
  String.raw`(?:k[öo]nnen|konnten|k[öo]nnten)\s+(?:wir\s+)?(?:(?:sie|ihn|es|diese|die|ihre|deine)\s+)?(?:\p{L}+\s+)?(?:leider\s+)?nicht\s+mehr\s+(?:zur[üu]ckholen|aufhalten|stoppen|anhalten|abfangen)`,
  String.raw`ne\s+(?:pouvons|pouvions|pourrons)\s+(?:malheureusement\s+|donc\s+)?(?:plus|pas)\s+(?:l['’]\s*|le\s+|la\s+)?(?:arr[êe]ter|intercepter|bloquer|retenir)`,
  String.raw`no\s+(?:podemos|pudimos|es\s+posible)\s+(?:ya\s+)?(?:detener|parar|frenar|interceptar)`,
  String.raw`non\s+(?:siamo|eravamo)\s+più\s+in\s+grado\s+di\s+(?:fermar|bloccar|annullar|intercettar)\w*`, String.raw`non\s+(?:possiamo|potremo|potevamo)\s+più\s+(?:fermar|bloccar|intercettar)\w*`,
  String.raw`(?:(?:kunnen|konden)\s+(?:we|wij)|(?:we|wij)\s+(?:kunnen|konden))\s+(?:\p{L}+\s+)?(?:helaas\s+)?niet\s+meer\s+(?:tegenhouden|stoppen|onderscheppen)`,
  String.raw`kan\s+(?:helaas\s+)?niet\s+(?:meer\s+)?(?:worden\s+)?geannuleerd`, String.raw`(?:kunnen|konden)\s+(?:we\s+|wij\s+)?(?:je|jouw|uw|de)?\s*(?:bestelling|boeking|reservering)\s+(?:\S+\s+)?(?:helaas\s+)?niet\s+(?:meer\s+)?annuleren`, String.raw`annulering\s+(?:is\s+)?(?:niet\s+(?:meer\s+)?mogelijk|afgewezen)`,
);
const CANCELLED = phrases(
  String.raw`(?:order|it|purchase|this)\s+(?:has\s+been|was|is\s+now|is)\s+(?:successfully\s+)?cancell?ed`, String.raw`cancell?ation\s+(?:is\s+)?(?:confirmed|confirmation|complete|processed)`,
  String.raw`order\s+cancell?ed`, String.raw`(?:event|show|concert|performance|booking|reservation|trip|flight)\s+(?:has\s+been\s+|was\s+|is\s+)?cancell?ed`, String.raw`\d[\w-]*\s+(?:has\s+been\s+|was\s+)?cancell?ed`, String.raw`(?:is|are)\s+(?:now\s+)?cancell?ed`, String.raw`cancell?ed\s*:`, String.raw`(?:we|i)(?:[’']ve|\s+have)\s+(?:now\s+|just\s+|gone\s+ahead\s+and\s+)?cancell?ed`, String.raw`(?:processed|completed|confirmed)\s+the\s+cancell?ation`, String.raw`(?:has|have)\s+been\s+cancell?ed`, String.raw`your\s+cancell?ation(?!\s+request(?!\s+(?:has\s+been|was|is)\s+(?:processed|confirmed|completed|approved|accepted)))`,
  String.raw`(?:wurde|ist|wurden)\s+(?:(?:erfolgreich|damit|somit|nun|jetzt|hiermit|bereits)\s+)*storniert`, String.raw`(?:cancelamos|anulamos)`, String.raw`pedido\s+(?:#?\s*[A-Z0-9/.-]*\d[A-Z0-9/.-]*\s+)?(?:qued[óoa]|est[áa])\s+(?:cancelado|anulado)`, String.raw`(?:haben\s+wir|wir\s+haben)\s+(?:(?:[\p{L}\d][\p{L}\d./-]*|\([^()\n]{0,80}\))\s+){0,7}?storniert`, String.raw`nous\s+avons\s+(?:bien\s+)?annul[ée]`, String.raw`j['’]ai\s+(?:bien\s+)?(?:\p{L}+\s+)?annul[ée]`, String.raw`ho\s+(?:\p{L}+\s+)?annullato`, String.raw`he\s+(?:\p{L}+\s+)?(?:cancelado|anulado)`, String.raw`ich\s+habe\s+(?:[\p{L}\d-]+\s+){0,4}?storniert`, String.raw`(?:ik\s+heb|heb\s+ik)\s+(?:[\p{L}\d#-]+\s+){0,5}?geannuleerd`, String.raw`hebben\s+(?:we|wij)\s+(?:\p{L}+\s+){0,3}?geannuleerd`, String.raw`(?:we|wij)\s+hebben\s+(?:[\p{L}\d-]+\s+){0,4}?geannuleerd`, String.raw`annulering\s+(?:van\s+(?:[\p{L}\d-]+\s+){0,3})?is\s+verwerkt`, String.raw`se\s+(?:ha\s+)?(?:cancelado|anulado|cancel[óo]|anul[óo])`, String.raw`stornierungsbest[äa]tigung`, String.raw`stornierung\s+(?:ist\s+|wurde\s+)?best[äa]tigt`, String.raw`stornobest[äa]tigung`, String.raw`bestellung\s+storniert`, String.raw`stornierung\s+(?:ihrer|deiner)\s+bestellung`,
  String.raw`(?:a\s+été|est)\s+(?:bien\s+)?annul[ée]e?`, String.raw`commande\s+annul[ée]e`, String.raw`confirmation\s+d[’']annulation`, String.raw`annulation\s+(?:de\s+(?:votre|la)\s+commande|confirm[ée]e)`,
  String.raw`(?:ha\s+sido|fue|est[áa])\s+(?:cancelad|anulad)[oa]`, String.raw`pedido\s+(?:cancelado|anulado)`, String.raw`confirmaci[óo]n\s+de\s+(?:cancelaci[óo]n|anulaci[óo]n)`, String.raw`hemos\s+(?:cancelado|anulado)`, String.raw`hemos\s+procedido\s+a\s+(?:cancelar|anular)`, String.raw`(?:cancelaci[óo]n|anulaci[óo]n)\s+confirmada`,
  String.raw`(?:è\s+stat[oa]|sono\s+stati)\s+(?:correttamente\s+)?(?:annullat|cancellat)[oia]`, String.raw`(?:ordine|prenotazione)\s+(?:annullat|cancellat)[oa]`, String.raw`conferma\s+(?:di\s+|dell[’']\s*|della\s+)?(?:annullamento|cancellazione)`, String.raw`(?:annullamento|cancellazione)\s+(?:\p{L}+\s+)?confermat[oa]`, String.raw`confermiamo\s+(?:la\s+|l[’']\s*)(?:\p{L}+\s+)?(?:annullamento|cancellazione)`, String.raw`abbiamo\s+(?:annullato|cancellato)`, String.raw`abbiamo\s+provveduto\s+ad?\s+(?:annullare|cancellare)`, String.raw`risulta\s+(?:annullat|cancellat)[oa]`,
  String.raw`(?:is|werd|zijn)\s+(?:succesvol\s+)?geannuleerd`, String.raw`bestelling\s+geannuleerd`, String.raw`annuleringsbevestiging`, String.raw`annulering\s+(?:is\s+)?bevestigd`, String.raw`bevestiging\s+(?:van\s+(?:je|uw)\s+)?annulering`, String.raw`hebben\s+(?:je|uw)\s+bestelling\s+geannuleerd`,
);
const DELIVERED = phrases(
  String.raw`(?:has|have|was|were)\s+(?:been\s+)?delivered`, String.raw`delivered\s*[:!]`, String.raw`^delivered`, String.raw`delivery\s+confirmation`, String.raw`(?:order|package|parcel)\s+(?:has\s+)?arrived`, String.raw`is\s+delivered`,
  String.raw`(?<!wird\s+(?:\p{L}+\s+){0,3})zugestellt`, String.raw`wurde\s+geliefert`, String.raw`ist\s+angekommen`, String.raw`erfolgreich\s+geliefert`,
  String.raw`(?:a\s+été|est|bien)\s+livr[ée]e?s?`, String.raw`(?:a\s+été|est)\s+(?:\p{L}+\s+)?(?:remis|d[ée]pos[ée])e?s?\s+(?:à|au|chez|dans|en)\s+(?:votre\s+|la\s+|le\s+)?(?:voisin|gardien|concierge|bo[îi]te|consigne|point\s+relais|casier)`, String.raw`colis\s+livr[ée]`, String.raw`livraison\s+effectu[ée]e`, String.raw`commande\s+livr[ée]e`, String.raw`(?:commande|colis)\s+est\s+arriv[ée]e?`,
  String.raw`(?:ha\s+sido|fue)\s+entregad[oa]`, String.raw`se\s+(?:ha\s+)?entreg(?:[óo]|ado)`, String.raw`^¡?\s*entregad[oa]`, String.raw`(?:ya\s+)?est[áa]\s+esper[áa]ndote`, String.raw`te\s+(?:est[áa]\s+)?espera(?:ndo)?\s+en\s+(?:el|la|tu)`, String.raw`ya\s+est[áa]\s+en\s+(?:casa|tu\s+(?:casa|domicilio))`, String.raw`pedido\s+entregado`, String.raw`(?:pedido|paquete)\s+(?:ya\s+)?ha\s+llegado`, String.raw`entregado\s*:`,
  String.raw`(?:è\s+stat[oa]|stato)\s+consegnat[oa]`, String.raw`ordine\s+consegnato`, String.raw`(?:pacco|ordine)\s+(?:è|e[’'])\s+arrivat[oa]`, String.raw`consegnato\s*:`,
  String.raw`(?:is|werd|zijn|werden)\s+(?:[\p{L}\d:.]+\s+){0,4}?(?:bezorgd|afgeleverd)`, String.raw`^(?:afgeleverd|bezorgd|zugestellt|geliefert|livr[ée]e?|entregad[oa]|consegnat[oa])\s*[:!]`, String.raw`bestelling\s+(?:is\s+)?bezorgd`, String.raw`pakket\s+(?:is\s+)?bezorgd`,
  // At the carrier's pick-up point or locker the parcel has arrived: the carrier counts it as
  // delivered (a shop's own store ready for collection is a shipping notice, below).
  String.raw`(?:waiting|available|ready)\s+(?:for\s+(?:you|collection|pick\s*-?\s*up)\s+)?(?:at|in)\s+(?:the\s+|your\s+)?(?:chosen\s+|selected\s+)?(?:pick\s*-?\s*up\s+point|parcel\s+(?:locker|shop)|locker|post\s+office)`, String.raw`delivered\s+to\s+(?:the\s+|a\s+|your\s+)?(?:pick\s*-?\s*up\s+point|parcel\s+(?:locker|shop)|locker)`,
  String.raw`(?:liegt|ist|wurde|wartet)\s+(?:\p{L}+\s+){0,3}?(?:in\s+(?:der|die|ihrer|ihre|einer|eine|den|einem)\s+|im\s+)(?:[\p{L}-]+\s+)?(?:packstation|postfiliale|abholstation|paketshop|paketstation|pick-?up-?station)`,
  String.raw`(?:disponible|arriv[ée]e?|vous\s+attend)\s+(?:dans\s+(?:votre|le)|en|au)\s+(?:point\s+relais|point\s+retrait|consigne|locker|bureau\s+de\s+poste)`,
  String.raw`(?:disponible|te\s+espera|esper[áa]ndote)\s+en\s+(?:el|tu|la)\s+(?:punto\s+(?:de\s+recogida|pack)|oficina\s+de\s+correos|taquilla|locker)`,
  String.raw`(?:disponibile|in\s+giacenza|arrivat[oa])\s+(?:presso|al|nel)\s+(?:il\s+|l[’']\s*)?(?:punto\s+(?:di\s+)?ritiro|fermopoint|locker|ufficio\s+postale)`,
  String.raw`ligt\s+(?:\p{L}+\s+){0,2}?(?:klaar\s+)?(?:bij|in)\s+(?:het|de|je|uw)\s+(?:(?:\p{L}+-)?(?:afhaalpunt|punt|pakketpunt|servicepunt)|pakketautomaat|pakketkluis)`,
);
const SHIPPED = phrases(
  String.raw`(?:has|have|was|were|is)\s+(?:been\s+)?(?:shipped|dispatched|sent\s+out|posted)`, String.raw`(?:^|\W)shipped\s*[:!]`, String.raw`on\s+(?:its|the|their)\s+way`, String.raw`out\s+for\s+delivery`,
  String.raw`shipping\s+confirmation`, String.raw`dispatch\s+(?:confirmation|notice)`, String.raw`shipment\s+(?:confirmation|notification)`, String.raw`has\s+left\s+(?:our|the)`, String.raw`in\s+transit`, String.raw`(?:order|it|package|parcel)\s+(?:has\s+)?shipped`, String.raw`is\s+rolling`, String.raw`(?:confirmed|packed|processed)\s+and\s+(?:shipped|dispatched)`,
  String.raw`(?:wurde|ist|wurden)\s+(?:heute\s+)?(?:versandt|verschickt|versendet|an\s+\S+\s+übergeben)`, String.raw`versandbest[äa]tigung`, String.raw`ist\s+unterwegs`, String.raw`auf\s+dem\s+weg`, String.raw`wird\s+(?:\p{L}+\s+){0,3}?zugestellt`, String.raw`in\s+zustellung`,
  String.raw`(?:a\s+été|est)\s+exp[ée]di[ée]e?`, String.raw`en\s+cours\s+d['’]acheminement`, String.raw`(?:a\s+été|est)\s+remise?s?\s+(?:au|à\s+notre)\s+transporteur`, String.raw`(?:a\s+été|est)\s+remise?s?\s+(?:à|au)\s+(?:la\s+poste|colissimo|chronopost|mondial\s+relay|dpd|gls|ups|dhl|fedex|tnt|colis\s+priv[ée])`, String.raw`en\s+cours\s+de\s+livraison`, String.raw`sera\s+livr[ée]e?s?\s+(?:aujourd|demain|ce\s+(?:matin|soir))`, String.raw`commande\s+exp[ée]di[ée]e`, String.raw`en\s+(?:route|chemin)`, String.raw`confirmation\s+d[’']exp[ée]dition`, String.raw`ont\s+quitt[ée]`, String.raw`a\s+quitt[ée]`,
  String.raw`(?:ha\s+sido|fue)\s+enviad[oa]`, String.raw`se\s+(?:ha\s+)?envi(?:[óo]|ado)`, String.raw`(?:haben\s+wir|wir\s+haben)\s+(?:\p{L}+\s+){0,4}?(?:versandt|verschickt)`, String.raw`nous\s+avons\s+exp[ée]di[ée]`, String.raw`hebben\s+(?:we|wij)\s+(?:\p{L}+\s+){0,3}?verzonden`, String.raw`abbiamo\s+spedito`, String.raw`pedido\s+enviado`, String.raw`en\s+camino`, String.raw`se\s+entregar[áa]\s+(?:hoy|mañana)`, String.raw`en\s+reparto`, String.raw`confirmaci[óo]n\s+de\s+env[ií]o`,
  String.raw`(?:è\s+stat[oa]|stato)\s+spedit[oa]`, String.raw`ordine\s+spedito`, String.raw`in\s+viaggio`, String.raw`sar[àa]\s+consegnat[oa]\s+(?:oggi|domani)`, String.raw`in\s+consegna`, String.raw`conferma\s+di\s+spedizione`, String.raw`(?:è|e[’'])\s+in\s+arrivo`,
  // ready for pick-up: the order has left the shop's hands as far as the owner is concerned
  String.raw`ready\s+(?:for|to\s+be)\s+(?:pick(?:ed)?\s*-?\s*up|collect(?:ion|ed))`, String.raw`abholbereit`, String.raw`(?:liegt|steht)\s+(?:\p{L}+\s+){0,2}?zur\s+abholung\s+bereit`, String.raw`bereit\s+zur\s+abholung`,
  String.raw`pr[êe]te?\s+[àa]\s+(?:être\s+)?retir[ée]e?`, String.raw`disponible\s+(?:en\s+magasin|au\s+retrait)`, String.raw`list[oa]\s+para\s+(?:recoger|recogida|retirar)`, String.raw`pront[oa]\s+per\s+il\s+ritiro`, String.raw`disponibile\s+per\s+il\s+ritiro`, String.raw`klaar\s+(?:om\s+(?:op\s+)?te\s+halen|voor\s+afhalen|om\s+af\s+te\s+halen)`, String.raw`ligt\s+klaar`,
  String.raw`(?:is|werd)\s+verzonden`, String.raw`(?:is|zijn|werd|werden)\s+(?:vandaag\s+|zojuist\s+)?verstuurd`, String.raw`verstuurd\s+met`, String.raw`(?:ordine|pacco|spedizione|collo)\s+(?:\S+\s+)?(?:è|e[’'])\s+partit[oa]`, String.raw`partit[oa]\s+(?:oggi|ieri|stamattina)\s+con`, String.raw`affidat[oa]\s+al\s+corriere`, String.raw`spedizione\s+\d+\s+di\s+\d+`, String.raw`bestelling\s+verzonden`, String.raw`is\s+onderweg`, String.raw`wordt\s+(?:vandaag|morgen)\s+(?:bezorgd|geleverd)`, String.raw`verzendbevestiging`,
  // handed to the carrier, or announced by it
  String.raw`(?:pakket|zending|bestelling)\s+komt\s+(?:eraan|er\s+aan|(?:vandaag|morgen)\s+(?:eraan|langs))`, String.raw`(?:is|werd|zijn)\s+(?:\p{L}+\s+){0,3}?(?:meegegeven|overgedragen)\s+aan`, String.raw`aangemeld\s+bij\s+(?:postnl|dhl|dpd|gls|ups|bpost|de\s+vervoerder)`, String.raw`wordt\s+(?:op\s+)?(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+(?:\p{L}+\s+)?(?:bezorgd|geleverd)`,
  String.raw`(?:paket|sendung|bestellung)\s+kommt\s+(?:bald|heute|morgen|am\s)`, String.raw`(?:colis|commande)\s+arrive\s+(?:bient[ôo]t|demain|aujourd['’]hui)`, String.raw`(?:a\s+été|est)\s+confi[ée]e?s?\s+(?:à|au)\s+(?:notre\s+|votre\s+)?(?:transporteur|la\s+poste|colissimo|chronopost|mondial\s+relay|dpd|gls|ups|dhl)`,
  String.raw`affidat[oa]\s+a\s+(?:brt|gls|sda|dhl|ups|poste\s+italiane|bartolini|tnt|dpd|fedex|nexive)`, String.raw`on\s+the\s+move`, String.raw`(?:parcel|package)\s+will\s+arrive\s+(?:today|tomorrow|on\s)`, String.raw`(?:has\s+been|was)\s+handed\s+(?:over\s+)?to\s+(?:the\s+|our\s+)?(?:courier|carrier|royal\s+mail|ups|dhl|fedex|dpd|evri|hermes|usps|canada\s+post)`,
);
const FULFILLED = phrases(
  String.raw`(?:we\s+have|we[’']ve)\s+finished\s+processing`, String.raw`order\s+(?:is\s+(?:now\s+)?)?complete(?:d)?(?![\p{L}])`, String.raw`(?:has\s+been|was)\s+fulfilled`,
  String.raw`bestellung\s+(?:ist\s+)?abgeschlossen`, String.raw`commande\s+(?:est\s+)?termin[ée]e`, String.raw`pedido\s+(?:est[áa]\s+)?completado`, String.raw`ordine\s+(?:è\s+)?completato`, String.raw`bestelling\s+(?:is\s+)?(?:afgerond|voltooid)`,
);
/** Words only an order confirmation uses. */
const ORDERED = phrases(
  String.raw`order\s+(?:confirmation|confirmed|received|placed|acknowledg(?:e)?ment)`, String.raw`thank(?:s|\s+you)\s+for\s+(?:your\s+)?(?:pre-?order|order|purchase|shopping)`, String.raw`receipt`,
  String.raw`(?:we[’']ve|we\s+have)\s+(?:received|got)\s+your\s+order`, String.raw`your\s+order\s+(?:is\s+confirmed|has\s+been\s+(?:received|placed|confirmed))`, String.raw`purchase\s+confirmation`,
  String.raw`invoice\s+for\s+your`, String.raw`purchase\s+(?:complete|completed|successful|confirmed)`, String.raw`acquisto\s+confermato`, String.raw`grazie\s+per\s+(?:aver|avere)\s+acquistato`, String.raw`conferma\s+(?:di\s+|dell['’]\s*)?(?:acquisto|prenotazione)`, String.raw`kauf\s+(?:best[äa]tigt|abgeschlossen)`, String.raw`buchungsbest[äa]tigung`, String.raw`achat\s+confirm[ée]`, String.raw`confirmation\s+de\s+(?:votre\s+)?(?:r[ée]servation|achat)`, String.raw`compra\s+confirmada`, String.raw`confirmaci[óo]n\s+de\s+(?:tu\s+|su\s+)?(?:reserva|compra)`, String.raw`aankoop\s+bevestigd`, String.raw`boekingsbevestiging`, String.raw`(?:ticket|booking)\s+(?:confirmation|confirmed)`, String.raw`(?:booking|reservation)\s+(?:is\s+|has\s+been\s+)confirmed`, String.raw`reservation\s+confirmation`, String.raw`(?:buchung|reservierung)\s+(?:ist\s+|wurde\s+)?best[äa]tigt`, String.raw`r[ée]servation\s+(?:est\s+|a\s+été\s+)?confirm[ée]e`, String.raw`reserva\s+(?:est[áa]\s+|ha\s+sido\s+)?confirmada`, String.raw`prenotazione\s+(?:è\s+)?(?:stata\s+)?confermata`, String.raw`(?:reservering|boeking)\s+(?:is\s+)?bevestigd`, String.raw`your\s+tickets?\s+(?:for|are\s+(?:here|ready|confirmed))`, String.raw`we\s+have\s+your\s+order`, String.raw`order\s+(?:#?\s*[A-Z0-9/.-]*\d[A-Z0-9/.-]*\s+)?(?:is\s+)?confirmed`, String.raw`sales\s+order`,
  String.raw`confirmation\s+of\s+your\s+(?:order|purchase)`,
  // an order updated (items, price, address) is confirmed again
  String.raw`order\s+(?:#?\s*[A-Z0-9/.-]*\d[A-Z0-9/.-]*\s+)?(?:has\s+been\s+|was\s+)?updated`, String.raw`updated\s+order\s+confirmation`, String.raw`bestellung\s+(?:[A-Z0-9/.-]*\d[A-Z0-9/.-]*\s+)?(?:wurde\s+)?(?:aktualisiert|ge[äa]ndert)`,
  String.raw`commande\s+(?:[A-Z0-9/.-]*\d[A-Z0-9/.-]*\s+)?(?:a\s+été\s+)?(?:mise\s+à\s+jour|modifi[ée]e)`, String.raw`pedido\s+(?:[A-Z0-9/.-]*\d[A-Z0-9/.-]*\s+)?(?:ha\s+sido\s+)?(?:actualizado|modificado)`,
  String.raw`ordine\s+(?:[A-Z0-9/.-]*\d[A-Z0-9/.-]*\s+)?(?:è\s+stato\s+)?(?:aggiornato|modificato)`, String.raw`conferma\s+d['’]\s*ordine\s+aggiornata`, String.raw`bestelling\s+(?:[A-Z0-9/.-]*\d[A-Z0-9/.-]*\s+)?(?:is\s+)?(?:bijgewerkt|gewijzigd)`,
  // Receipts, also those a payment service sends for a shop
  String.raw`betaa?l(?:ings)?bewijs`, String.raw`(?:je|u)\s+(?:hebt|heeft)\s+betaald\s+aan`, String.raw`zahlungsbeleg`, String.raw`kaufbeleg`, String.raw`quittung`, String.raw`zahlungsbest[äa]tigung`,
  String.raw`re[çc]u\s+(?:de\s+paiement|d['’]achat|pour\s+votre)`, String.raw`votre\s+re[çc]u`, String.raw`recibo\s+de\s+(?:tu\s+|su\s+)?(?:pago|compra)`, String.raw`(?:tu|su)\s+recibo`,
  String.raw`ricevuta\s+(?:di\s+pagamento|d['’]acquisto|del\s+(?:tuo\s+)?(?:ordine|acquisto))`, String.raw`la\s+tua\s+ricevuta`, String.raw`you\s+(?:paid|sent\s+a\s+payment\s+to)`,
  // "Deine erste Box ist bestellt", "Je pakket is besteld"
  String.raw`(?:ist|wurde|sind|wurden)\s+(?:jetzt\s+|erfolgreich\s+)?bestellt`, String.raw`(?:is|zijn)\s+(?:succesvol\s+)?besteld`, String.raw`(?:è\s+stat[oa]|sono\s+stati)\s+ordinat[oia]`, String.raw`(?:has|have)\s+been\s+(?:successfully\s+)?ordered`,
  // An auction won and paid for, a payment received for an order
  String.raw`hai\s+vinto\s+l['’]\s*asta`, String.raw`you\s+won\s+(?:the\s+|this\s+)?(?:auction|item|bid)`, String.raw`auktion\s+gewonnen`, String.raw`remport[ée]\s+l['’]\s*ench[èe]re`, String.raw`ganado\s+la\s+subasta`, String.raw`veiling\s+gewonnen`,
  String.raw`(?:pagamento|payment|zahlung|paiement|pago|betaling)\s+(?:ricevuto|received|erhalten|eingegangen|re[çc]u|recibido|ontvangen)`, String.raw`(?:abbiamo|we(?:['’]ve|\s+have)|wir\s+haben|nous\s+avons|hemos|we\s+hebben)\s+(?:\p{L}+\s+){0,2}?(?:ricevuto\s+il\s+tuo\s+pagamento|received\s+your\s+payment|ihre\s+zahlung\s+erhalten|re[çc]u\s+votre\s+paiement|recibido\s+tu\s+pago|je\s+betaling\s+ontvangen)`,
  // A subscription renewed and charged is bought again (its refund window is a cancellation window)
  String.raw`(?:subscription|membership|plan|licen[cs]e)\s+(?:has\s+been\s+|was\s+|is\s+)?(?:successfully\s+)?(?:renewed|extended)`, String.raw`renewal\s+(?:confirmation|receipt)`,
  String.raw`(?:abonnement|abo|mitgliedschaft|lizenz)\s+(?:\p{L}+\s+){0,4}?(?:wurde|ist)\s+(?:\p{L}+\s+){0,6}?verl[äa]ngert`, String.raw`verl[äa]ngerungsbest[äa]tigung`, String.raw`abonnement\s+(?:a\s+été\s+|est\s+)?renouvel[ée]`,
  String.raw`suscripci[óo]n\s+(?:ha\s+sido\s+|se\s+ha\s+|fue\s+)?renovad[ao]`, String.raw`abbonamento\s+(?:è\s+stato\s+)?rinnovato`, String.raw`abonnement\s+(?:is\s+)?verlengd`,
  // Bookings: trips, stays, tickets, tables and appointments
  String.raw`(?:trip|flight|stay|booking|reservation|appointment|table|tickets?|seats?|spot|place)\s+(?:is\s+|are\s+|has\s+been\s+|have\s+been\s+)(?:booked|reserved)`, String.raw`you(?:[’']re|\s+are)\s+(?:all\s+)?booked`,
  String.raw`(?:trip|flight|travel|itinerary|appointment|stay)\s+confirmation`, String.raw`appointment\s+(?:is\s+|has\s+been\s+)?confirmed`, String.raw`thank(?:s|\s+you)\s+for\s+(?:your\s+)?(?:booking|reservation|reserving)`,
  String.raw`reservierungsbest[äa]tigung`, String.raw`terminbest[äa]tigung`, String.raw`(?:vielen\s+)?dank\s+f[üu]r\s+(?:ihre|deine)\s+(?:buchung|reservierung)`, String.raw`termin\s+(?:ist\s+|wurde\s+)?best[äa]tigt`,
  String.raw`merci\s+(?:pour|de)\s+votre\s+r[ée]servation`, String.raw`confirmation\s+de\s+(?:votre\s+)?(?:rendez-vous|voyage|billet|s[ée]jour)`, String.raw`rendez-vous\s+(?:est\s+|a\s+été\s+)?confirm[ée]`,
  String.raw`cita\s+(?:est[áa]\s+|ha\s+sido\s+)?confirmada`, String.raw`confirmaci[óo]n\s+de\s+(?:tu\s+|su\s+)?(?:cita|viaje|billete|estancia)`,
  String.raw`grazie\s+per\s+(?:la\s+(?:tua|sua)\s+prenotazione|aver\s+prenotato)`, String.raw`appuntamento\s+(?:è\s+)?(?:stato\s+)?confermato`,
  String.raw`reserveringsbevestiging`, String.raw`bedankt\s+voor\s+(?:je|jouw|uw)\s+(?:reservering|boeking)`, String.raw`afspraak\s+(?:is\s+)?bevestigd`,
  String.raw`bestellbest[äa]tigung`, String.raw`best[äa]tigung\s+(?:ihrer|deiner|der)\s+${COMPOUND}bestellung`, String.raw`(?:vielen\s+)?dank\s+f[üu]r\s+(?:ihre|deine|ihren|deinen)\s+(?:${COMPOUND}bestellung|einkauf|auftrag)`, String.raw`auftragsbest[äa]tigung`, String.raw`eingangsbest[äa]tigung`, String.raw`bestellung\s+(?:eingegangen|erhalten|bestätigt|ist\s+eingegangen)`,
  String.raw`confirmation\s+de\s+(?:votre\s+)?(?:pr[ée]-?)?commande`, String.raw`merci\s+pour\s+votre\s+(?:pr[ée]-?commande|commande|achat)`, String.raw`merci\s+(?:d['’]avoir|pour)\s+(?:effectu[ée]\s+)?(?:vos\s+achats|votre\s+(?:commande|achat))`, String.raw`commande\s+(?:#?\s*[A-Z0-9/.-]*\d[A-Z0-9/.-]*\s+)?(?:est\s+)?(?:confirm[ée]e|enregistr[ée]e|re[çc]ue|valid[ée]e)`,
  String.raw`confirmaci[óo]n\s+(?:de\s+)?(?:tu\s+|su\s+)?(?:pedido|compra|preventa|pre-?pedido)`, String.raw`gracias\s+por\s+(?:tu|su)\s+(?:pedido|compra|preventa|pre-?pedido|reserva)`, String.raw`pedido\s+(?:#?\s*[A-Z0-9/.-]*\d[A-Z0-9/.-]*\s+)?(?:confirmado|recibido|realizado)`,
  String.raw`conferma\s+(?:d[’']\s*|dell[’']\s*|del(?:l[’'])?\s*)?(?:(?:tuo|vostro|suo)\s+)?ordine`, String.raw`grazie\s+per\s+(?:il\s+tuo\s+|l[’'])?(?:pre-?ordine|ordine|acquisto)`, String.raw`ordine\s+(?:#?\s*[A-Z0-9/.-]*\d[A-Z0-9/.-]*\s+)?(?:confermato|ricevuto)`,
  String.raw`orderbevestiging`, String.raw`bevestiging\s+van\s+(?:je|jouw|uw)\s+(?:bestelling|order)`, String.raw`bedankt\s+voor\s+(?:je|jouw|uw)\s+(?:(?:voor|pre-?)?bestelling|pre-?order|aankoop)`, String.raw`bestelling\s+(?:#?\s*[A-Z0-9/.-]*\d[A-Z0-9/.-]*\s+)?(?:is\s+)?(?:ontvangen|bevestigd|geplaatst)`,
);
/** Words that speak of an order without saying what happened to it. */
const ORDER_MENTION = phrases(
  String.raw`(?:order|pedido|commande|${COMPOUND}bestellung|ordine|bestelling)\s*(?:nr\.?|n[º°o]\.?|no\.?)?\s*#?\s*[A-Z0-9-]*\d`, String.raw`your\s+order\s+(?:with|from|at)`, String.raw`order\s+summary`, String.raw`order\s+details`,
  String.raw`ihre\s+${COMPOUND}bestellung`, String.raw`d[ée]tails?\s+de\s+(?:la|votre)\s+commande`, String.raw`deine\s+${COMPOUND}bestellung`, String.raw`votre\s+commande`, String.raw`tu\s+pedido`, String.raw`su\s+pedido`, String.raw`il\s+tuo\s+ordine`, String.raw`(?:je|jouw|uw)\s+bestelling`,
);
/** Mail that is about an account, a cart, a campaign or a survey, never one placed order. */
const NOT_AN_ORDER = words(
  String.raw`reset\s+(?:your\s+)?password`, String.raw`password\s+reset`, String.raw`verify\s+your\s+(?:email|account)`, String.raw`verification\s+code`, String.raw`confirm\s+your\s+(?:email|account|subscription)`, String.raw`one[-\s]time\s+(?:code|password)`, String.raw`sign[-\s]in\s+(?:code|link|attempt)`,
  String.raw`(?:left|forgot)\s+(?:something|items?)\s+(?:in|behind)`, String.raw`still\s+in\s+your\s+(?:cart|basket|bag)`, String.raw`complete\s+your\s+(?:purchase|order|checkout)`, String.raw`your\s+cart\s+is\s+waiting`, String.raw`items?\s+in\s+your\s+(?:cart|basket|bag)`,
  String.raw`back\s+in\s+stock`, String.raw`price\s+drop`, String.raw`(?:rate|review)\s+your`, String.raw`how\s+(?:did|was)\s+we\s+do`, String.raw`how\s+well\s+did\s+we`, String.raw`quick\s+question`, String.raw`(?:leave|write)\s+(?:us\s+)?a\s+review`, String.raw`how\s+did\s+you\s+like`, String.raw`back-?order(?:ed)?`, String.raw`(?:is|are|has\s+been)\s+delayed`, String.raw`delay\s+(?:to|with|on)\s+your`, String.raw`lieferverz[öo]gerung`, String.raw`verz[öo]gert\s+sich`, String.raw`retard\s+de\s+livraison`, String.raw`(?:retraso|demora)\s+en\s+(?:tu|su|el)`, String.raw`ritardo\s+(?:nella|della)\s+(?:consegna|spedizione)`, String.raw`vertraging\s+(?:bij|van|in)\s+(?:je|jouw|uw|de)`, String.raw`how\s+(?:are\s+you\s+(?:finding|liking|getting\s+on\s+with)|do\s+you\s+like)`, String.raw`(?:are\s+you\s+)?enjoying\s+your`, String.raw`comment\s+trouvez[-\s]vous`, String.raw`(?:te|le)\s+(?:gusta|est[áa]\s+gustando)`, String.raw`ti\s+(?:piace|sta\s+piacendo)`, String.raw`bevalt\s+(?:je|jouw|uw)`, String.raw`share\s+your\s+(?:thoughts|feedback|experience|opinion)`,
  String.raw`bewertung\s+abgeben`, String.raw`bewerte\s+(?:deinen|deine|dein|uns)`, String.raw`wie\s+zufrieden\s+(?:sind|bist|waren|warst)`, String.raw`wie\s+(?:war|gef[äa]llt)\s+(?:ihnen|dir|ihre|deine|ihr|dein)`,
  String.raw`laiss(?:ez|er)\s+(?:un|votre)\s+avis`, String.raw`que\s+pensez[-\s]vous`, String.raw`what\s+do\s+you\s+think\s+of`, String.raw`qu[ée]\s+te\s+parece`, String.raw`cosa\s+ne\s+pensi`, String.raw`wat\s+vind\s+je\s+van`, String.raw`notez\s+(?:votre|vos|nous)`, String.raw`comment\s+s['’]est\s+pass[ée]e?`, String.raw`votre\s+avis\s+(?:compte|nous\s+int[ée]resse)`,
  String.raw`deja\s+(?:tu|una|su)\s+(?:opini[óo]n|rese[ñn]a|valoraci[óo]n)`, String.raw`valora\s+(?:tu|su|tus|sus)`, String.raw`qu[ée]\s+tal\s+(?:fue|ha\s+ido|te\s+ha\s+ido)`, String.raw`qu[ée]\s+te\s+ha\s+parecido`,
  String.raw`lascia(?:ci)?\s+(?:una|la)\s+recensione`, String.raw`scrivi\s+(?:una|la)\s+recensione`, String.raw`pront[oa]\s+per\s+(?:la|una)\s+recensione`, String.raw`la\s+tua\s+recensione`, String.raw`com['’]\s*[èe]\s+andat[oa]`, String.raw`come\s+[èe]\s+andat[oa]`, String.raw`valuta\s+(?:il\s+tuo|i\s+tuoi|la\s+tua|il\s+nostro)`,
  String.raw`(?:schrijf|laat|geef)\s+een\s+(?:review|beoordeling)`, String.raw`beoordeel\s+(?:je|jouw|uw|ons)`, String.raw`hoe\s+(?:was|beviel|bevalt|vond\s+je)`, String.raw`wat\s+vond\s+je`, String.raw`tell\s+us\s+what\s+you\s+think`, String.raw`survey`, String.raw`wishlist`, String.raw`wish\s+list`,
  String.raw`(?:received|got)\s+your\s+return`, String.raw`your\s+return\s+(?:has\s+been\s+|was\s+|is\s+)?(?:received|processed|complete|arrived)`, String.raw`return\s+label`, String.raw`return\s+(?:request\s+)?(?:approved|received)`,
  String.raw`r[üu]cksendung\s+(?:ist\s+)?(?:bei\s+uns\s+)?(?:eingegangen|erhalten|angekommen)`, String.raw`r[üu]cksendeetikett\w*`, String.raw`retoure\s+(?:ist\s+)?(?:bei\s+uns\s+)?(?:eingegangen|erhalten)`,
  String.raw`votre\s+retour\s+(?:pour\s+(?:la\s+|votre\s+)?commande\s+\S+\s+)?(?:a\s+été|est)\s+(?:bien\s+)?(?:re[çc]ue?s?|arriv[ée]e?s?|trait[ée]e?s?)`, String.raw`[ée]tiquette\s+de\s+retour`,
  String.raw`(?:hemos\s+recibido|recibimos)\s+tu\s+devoluci[óo]n`, String.raw`tu\s+devoluci[óo]n\s+(?:ha\s+sido\s+)?(?:recibida|procesada)`, String.raw`etiqueta\s+de\s+devoluci[óo]n`,
  String.raw`abbiamo\s+ricevuto\s+il\s+tuo\s+reso`, String.raw`il\s+tuo\s+reso\s+(?:è\s+)?(?:arrivato|stato\s+ricevuto)`, String.raw`etichetta\s+di\s+reso`,
  String.raw`(?:je|uw)\s+retour(?:zending)?\s+(?:is\s+)?(?:ontvangen|binnen)`, String.raw`retourlabel`,
  String.raw`payment\s+(?:for\s+(?:your\s+)?order\s+\S+\s+)?(?:has\s+)?(?:failed|declined|was\s+(?:declined|unsuccessful|not\s+successful))`, String.raw`payment\s+(?:failed|declined)`, String.raw`(?:could\s+not|couldn[’']t|unable\s+to)\s+process\s+your\s+payment`, String.raw`verify\s+your\s+(?:payment|card)`, String.raw`(?:zahlung|bezahlung)\s+(?:ist\s+)?(?:fehlgeschlagen|nicht\s+erfolgreich|abgelehnt)`, String.raw`paiement\s+(?:a\s+)?(?:échoué|été\s+refusé|refusé)`, String.raw`(?:pago|cobro)\s+(?:ha\s+sido\s+)?(?:rechazado|fallido|no\s+se\s+ha\s+podido)`, String.raw`pagamento\s+(?:non\s+(?:è\s+)?(?:riuscito|andato\s+a\s+buon\s+fine)|rifiutato)`, String.raw`betaling\s+(?:\S+\s+){0,6}?(?:niet\s+gelukt|mislukt|geweigerd)`,
  // a copy of an old invoice, a quote or a proforma: paperwork, not an order placed now
  String.raw`rechnungskopie`, String.raw`kopie\s+(?:der|ihrer|deiner)\s+rechnung`, String.raw`(?:copy\s+of\s+(?:your\s+|the\s+)?invoice|invoice\s+copy)`, String.raw`copie\s+de\s+(?:la\s+|votre\s+)?facture`, String.raw`(?:copia|duplicado)\s+de\s+(?:la\s+|tu\s+|su\s+)?factura`, String.raw`copia\s+(?:della\s+)?fattura`, String.raw`kopie\s+van\s+(?:de\s+|je\s+|uw\s+)?factuur`,
  String.raw`(?:factura|facture|fattura|invoice|rechnung)\s+pro\s*-?\s*forma`, String.raw`pro\s*-?\s*forma\s*-?\s*(?:invoice|rechnung|factuur)`,
  String.raw`welcome\s+to`, String.raw`newsletter`, String.raw`order\s+now`, String.raw`last\s+chance`, String.raw`free\s+shipping\s+on\s+(?:all\s+)?orders\s+over`, String.raw`(?:sale|offer|deal)\s+ends`, String.raw`points\s+balance`, String.raw`loyalty\s+points`, String.raw`membership\s+(?:renew|expir)`, String.raw`renewal\s+(?:notice|reminder)`, String.raw`you(?:[’']re|\s+are)\s+invited`,
  String.raw`passwort\s+zur[üu]cksetzen`, String.raw`warenkorb`, String.raw`wieder\s+(?:da|verf[üu]gbar|auf\s+lager)`, String.raw`bewerten\s+sie`, String.raw`willkommen`, String.raw`jetzt\s+bestellen`,
  String.raw`r[ée]initialis(?:er|ation)\s+(?:de\s+)?(?:votre\s+)?mot\s+de\s+passe`, String.raw`votre\s+panier`, String.raw`de\s+retour\s+en\s+stock`, String.raw`donnez\s+votre\s+avis`, String.raw`bienvenue`, String.raw`commandez\s+(?:maintenant|d[èe]s)`,
  String.raw`restablecer\s+(?:tu\s+)?contrase[ñn]a`, String.raw`tu\s+carrito`, String.raw`de\s+nuevo\s+(?:en\s+stock|disponible)`, String.raw`bienvenid[oa]`, String.raw`pide\s+ya`,
  String.raw`reimposta(?:re)?\s+(?:la\s+)?password`, String.raw`(?:tuo|nel)\s+carrello`, String.raw`di\s+nuovo\s+disponibile`, String.raw`benvenut[oa]`, String.raw`ordina\s+ora`,
  String.raw`wachtwoord\s+(?:opnieuw\s+instellen|herstellen|resetten)`, String.raw`winkelwagen`, String.raw`weer\s+op\s+voorraad`, String.raw`welkom`, String.raw`bestel\s+nu`,
);

export interface KindEvidence {
  kind: Kind;
  evidence: string;
}

export interface KindSignals {
  subject: string;
  /** The opening of what the sender wrote this time (headline and first paragraphs). */
  opening: string;
  /** The whole body, for statements that may stand further down. */
  body: string;
  hasOrderNumber: boolean;
  hasTrackingNumber: boolean;
  hasTotal: boolean;
  /** The total's line stands in the opening (not only further down, as in quoted history). */
  totalInOpening: boolean;
  hasStructuredOrder: boolean;
  /** The opening prints a price (a pre-order confirmed, charged only at dispatch, shows no total). */
  pricedInOpening?: boolean;
  structuredStatus: string | null;
}

const TESTS: [Exclude<Kind, 'order_confirmation' | 'other'>, RegExp][] = [
  ['cancellation_denied', DENIED],
  ['cancellation_confirmation', CANCELLED],
  ['delivery_notification', DELIVERED],
  ['shipping_notification', SHIPPED],
];

const NO_ORDER_YET = new RegExp(
  String.raw`(?<![\p{L}])(?:` +
  [
    String.raw`(?<![\p{L}])(?:this|it)\s+is\s+(?:a\s+\p{L}+,?\s+)?not\s+(?:yet\s+)?an?\s+(?:order|purchase)`, String.raw`no\s+(?:money|payment)\s+has\s+been\s+taken`, String.raw`you\s+have\s+not\s+(?:been\s+charged|ordered)`,
    String.raw`(?:dies|das)\s+ist\s+(?:noch\s+)?keine\s+bestellung`, String.raw`ceci\s+n['’]est\s+pas\s+(?:encore\s+)?une\s+commande`, String.raw`esto\s+no\s+es\s+(?:todav[íi]a\s+|a[úu]n\s+)?un\s+pedido`,
    String.raw`questo\s+non\s+è\s+(?:ancora\s+)?un\s+ordine`, String.raw`dit\s+is\s+(?:nog\s+)?geen\s+bestelling`,
    String.raw`(?<![\p{L}])(?:not|no|ni|keine|pas|non\s+è|geen)\s+(?:\p{L}+\s+){0,4}?(?:an?\s+|una\s+|une\s+)?(?:order\s+confirmation|confirmaci[óo]n\s+de\s+pedido|auftragsbest[äa]tigung|bestellbest[äa]tigung|confirmation\s+de\s+commande|conferma\s+d['’]\s*ordine|orderbevestiging)`,
    String.raw`(?<![\p{L}])no\s+order\s+(?:exists|has\s+been\s+(?:placed|created))`, String.raw`(?<![\p{L}])no\s+existe\s+ning[úu]n\s+pedido`,
  ].join('|') +
    ')',
  'iu',
);
const REFUND_WORD = /refund|erstattung|r[üu]ckzahlung|rembours|reembolso|rimborso|terugbetaling|geld\s+(?:terug|zur[üu]ck)/i;

// A priced order confirmed without a total (a pre-order charged at dispatch) is an order; a receipt
// or an invoice without one is not (a donation, a tax invoice weeks later).
const ORDER_OR_BOOKING = /order|bestell|commande|pedido|ordine|bestelling|buchung|booking|reserv/i;

// "Re: Your order #PB-40712 is confirmed": a reply's subject names the thread, not the news.
const REPLY_SUBJECT = /^\s*(?:\[[^\]]{1,60}\]\s*)?(?:re|aw|sv|rif|r|antw|vs|réf)\s*(?:\[\d+\])?\s*:/iu;

export function classify(signals: KindSignals): KindEvidence {
  const reply = REPLY_SUBJECT.test(signals.subject);
  const s = reply ? { ...signals, subject: '' } : signals;
  // Each test is run at most once on the subject and once on the opening, and only when its
  // answer can still change the outcome (the patterns are long; the opening scans dominate).
  const subjectHits = new Map<RegExp, RegExpExecArray | null>();
  const openingHits = new Map<RegExp, RegExpExecArray | null>();
  const inSubject = (re: RegExp) => memo(subjectHits, re, s.subject);
  const inOpening = (re: RegExp) => memo(openingHits, re, s.opening);

  // A review request or a survey speaks of an order, but is not news about it.
  const marketingSubject = inSubject(NOT_AN_ORDER);
  if (marketingSubject && !TESTS.some(([, re]) => inSubject(re)) && !inSubject(ORDERED)) {
    return { kind: 'other', evidence: s.subject };
  }

  // Life-cycle notices: the subject or the opening must say it, the order must be identified.
  const identified = s.hasOrderNumber || s.hasTrackingNumber;
  const applies = (kind: Kind) => identified && (s.hasOrderNumber || (kind !== 'cancellation_denied' && kind !== 'cancellation_confirmation'));
  // A subject that reports the parcel's news says what the mail is about: "Tu pedido ya está en
  // camino" stays a shipping notice though its opening adds that it can no longer be cancelled.
  const parcelNews = (kind: Kind) => kind === 'delivery_notification' || kind === 'shipping_notification';
  // ("your refund is on its way" is money, not a parcel)
  if (!TESTS.some(([kind, re]) => !parcelNews(kind) && inSubject(re)) && !REFUND_WORD.test(s.subject)) {
    for (const [kind, re] of TESTS) {
      if (parcelNews(kind) && applies(kind) && inSubject(re)) return { kind, evidence: s.subject };
    }
  }
  for (const [kind, re] of TESTS) {
    if (!applies(kind)) continue;
    const subjectHit = inSubject(re);
    // An order confirmation's fine print speaks of shipping and cancelling; its subject decides.
    if (!subjectHit && inSubject(ORDERED)) continue;
    const hit = subjectHit ?? factIn(s.opening, re);
    if (hit) return { kind, evidence: hit.input === s.subject ? s.subject : around(s.opening, hit.index) };
  }
  // WooCommerce's "order complete" with the parcel's tracking number: the order went out.
  if (s.hasTrackingNumber && s.hasOrderNumber && !inSubject(ORDERED)) {
    const fulfilled = FULFILLED.exec(s.subject) ?? FULFILLED.exec(s.opening);
    if (fulfilled) return { kind: 'shipping_notification', evidence: around(fulfilled.input, fulfilled.index) };
  }
  const status = s.structuredStatus ?? '';
  if (identified && /OrderCancelled/i.test(status)) return { kind: 'cancellation_confirmation', evidence: `orderStatus ${status}` };
  if (identified && /OrderDelivered/i.test(status)) return { kind: 'delivery_notification', evidence: `orderStatus ${status}` };
  if (identified && /OrderInTransit|OrderPickupAvailable/i.test(status)) return { kind: 'shipping_notification', evidence: `orderStatus ${status}` };

  // "This is a pledge, not an order", "Dies ist noch keine Bestellung": the mail says so itself.
  const saysNoOrder = inOpening(NO_ORDER_YET);
  const evidenceOfOrder = !saysNoOrder && s.hasOrderNumber && (s.hasTotal || s.hasStructuredOrder || (s.pricedInOpening === true && ORDER_OR_BOOKING.test((inSubject(ORDERED) ?? inOpening(ORDERED))?.[0] ?? '')));
  const marketing = () => inSubject(NOT_AN_ORDER) ?? inOpening(NOT_AN_ORDER);
  if (evidenceOfOrder) {
    const confirmed = inSubject(ORDERED) ?? inOpening(ORDERED);
    const mentioned = () => inSubject(ORDER_MENTION) ?? inOpening(ORDER_MENTION) ?? (s.hasStructuredOrder || reply ? null : ORDERED.exec(s.body));
    // A reply that names the order is about it; it confirms it only when it shows the charge itself.
    const ordered = confirmed ?? (reply && !s.totalInOpening ? null : mentioned());
    if (ordered || s.hasStructuredOrder) {
      // Marketing words win unless the mail also plainly confirms an order (a subject's say beats the body's).
      const found = inSubject(ORDERED) ? null : marketing();
      const outweighed = found && !(found.input !== s.subject && confirmed);
      if (!outweighed) {
        return { kind: 'order_confirmation', evidence: ordered ? (ordered.input === s.subject ? s.subject : around(ordered.input, ordered.index)) : 'schema.org Order markup' };
      }
    }
  }
  const found = marketing();
  return { kind: 'other', evidence: found ? around(found.input, found.index) : s.subject };
}

function memo(hits: Map<RegExp, RegExpExecArray | null>, re: RegExp, text: string): RegExpExecArray | null {
  let hit = hits.get(re);
  if (hit === undefined) hits.set(re, (hit = re.exec(text)));
  return hit;
}

// "We'll email you when it has shipped" promises; it does not report.
// "We'll email you a shipping confirmation" and "senden wir Ihnen eine Versandbestätigung" too.
const PROMISE = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:once|when|as\s+soon\s+as|after|before|until|till|prior\s+to|unless|if|in\s+case|es\s+sei\s+denn|falls|sauf\s+si|[àa]\s+moins\s+que|si|a\s+menos\s+que|salvo\s+que|en\s+caso\s+de\s+que|a\s+meno\s+che|salvo\s+che|qualora|tenzij|indien|bevor|bis|avant|jusqu|antes|hasta|prima|finch[ée]|voor|totdat|sobald|wenn|d[èe]s\s+que|lorsque|quand|cuando|en\s+cuanto|quando|appena|non\s+appena|zodra|wanneer|als)\s+(?:[\p{L}’'-]+\s+){0,8}` +
    String.raw`|(?:you(?:[’']ll|\s+will)\s+(?:also\s+)?(?:receive|get)|we(?:[’']ll|\s+will)\s+(?:also\s+)?(?:send|e-?mail|notify)(?:\s+you)?|(?:senden|schicken)\s+wir\s+(?:ihnen|dir)|(?:erhalten|bekommen)\s+(?:sie|du)|(?:bekommst|erh[äa]ltst)\s+du|vous\s+recevrez|nous\s+vous\s+enverrons|recibir[áa]s|(?:te|le)\s+enviaremos|riceverai|ricever[àa]|(?:ti|le)\s+invieremo|ontvang(?:t)?\s+(?:je|u)|sturen\s+(?:we|wij)\s+(?:je|u))\s+(?:[\p{L}’'-]+\s+){0,3})$`,
  'iu',
);

// "zodra je bestelling nog niet is verzonden": a negation, not news.
const NEGATED = /(?<![\p{L}])(?:not(?:\s+yet)?|nog\s+niet|niet|noch\s+nicht|nicht|pas(?:\s+encore)?|todav[íi]a\s+no|a[úu]n\s+no|non(?:\s+ancora)?|ancora\s+non|non\s+(?:è|e[’']|sono)\s+(?:ancora\s+)?)\s+$/iu;

// "Este correo se envió desde …", "Diese E-Mail wurde versendet an …": the mail speaks of itself, not of a parcel.
const MAIL_ITSELF = /(?<![\p{L}])(?:e-?mail|mail|correo(?:\s+electr[óo]nico)?|mensaje|message|nachricht|courriel|messaggio|bericht|newsletter)\s*:?\s+$/iu;

// "the invoice for your order, which was delivered on 07.12.2026" refers back; it reports nothing new.
const RELATIVE_CLAUSE = /(?<![\p{L}])(?:which|that)\s+$/iu;

const GLOBAL = new Map<RegExp, RegExp>();

// "Orders cannot be cancelled after purchase" states a rule for all orders; it refuses nothing.
const GENERAL_RULE = /(?<![\p{L}])(?:orders|tickets|licen[cs]es|subscriptions|downloads|vouchers|gift\s+cards|purchases|items|products|bookings|reservations|sales|bestellungen|artikel|commandes|billets|articles|pedidos|entradas|art[ií]culos|ordini|biglietti|articoli|bestellingen|kaartjes|artikelen)\s+(?:[\p{L}’'-]+\s+){0,2}$/iu;

// "You can cancel within 60 seconds. After that, the order can no longer be cancelled": the policy's other half.
const AFTER_THAT = new RegExp(
  String.raw`(?<![\p{L}])(?:after\s+(?:that|this|which)|afterwards|thereafter|beyond\s+(?:that|this)|past\s+that|once\s+(?:that|this|it)\s+(?:time|window|period)|after\s+(?:the|this|that)\s+(?:window|period|time)` +
    String.raw`|danach|anschlie[ßs]end|nach\s+ablauf|im\s+anschluss|ensuite|apr[èe]s\s+(?:ce\s+d[ée]lai|cela|quoi)|pass[ée]\s+ce\s+d[ée]lai|au-del[àa]` +
    String.raw`|despu[ée]s(?!\s+de\s+que)|pasado\s+(?:ese|este)\s+(?:plazo|tiempo)|transcurrido\s+(?:ese|este|dicho)\s+plazo|una\s+vez\s+(?:pasado|transcurrido)` +
    String.raw`|dopo\s+(?:tale|questo|di\s+che|ci[òo])|dopodich[ée]|successivamente|trascors[oi]\s+(?:questo|tale|il|detto)|scadut[oi]\s+(?:questo|tale|il)|oltre\s+(?:tale|questo)` +
    String.raw`|daarna|hierna|nadien|na\s+(?:deze|die|afloop))[^.!?]*$`,
  'iu',
);

// "cannot be cancelled or refunded once the files have been issued": a rule with its condition, not a refusal
const CONDITION_AFTER = /^[^.!?\n]{0,25}?(?<![\p{L}])(?:once|after|when|if|as\s+soon\s+as|sobald|nachdem|wenn|une\s+fois|d[èe]s\s+que|apr[èe]s|una\s+vez|despu[ée]s\s+de|cuando|una\s+volta|dopo|quando|zodra|nadat|wanneer)(?![\p{L}])/iu;

function factIn(text: string, re: RegExp): RegExpExecArray | null {
  let global = GLOBAL.get(re);
  if (!global) GLOBAL.set(re, (global = new RegExp(re.source, 'giu')));
  for (const m of text.matchAll(global)) {
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    if (PROMISE.test(before) || RELATIVE_CLAUSE.test(before) || NEGATED.test(before) || MAIL_ITSELF.test(before)) continue;
    if (re === DENIED && (GENERAL_RULE.test(before) || AFTER_THAT.test(text.slice(Math.max(0, m.index - 160), m.index)) || CONDITION_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40)))) continue;
    return m as RegExpExecArray;
  }
  return null;
}

function around(text: string, index: number): string {
  const start = Math.max(0, text.lastIndexOf('\n', index) + 1);
  const end = text.indexOf('\n', index);
  return text.slice(start, end < 0 ? undefined : end).trim().slice(0, 160);
}
