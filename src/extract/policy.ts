// The store's cancellation and return policy as this email states it: a window after ordering
// ("cancel within 2 hours"), an absolute deadline ("until 9 PM CT on April 14"), "until it ships",
// and the return period in days. Only sentences that speak of cancelling (or returning) count:
// a sale's end date or a coupon's expiry is never a cancellation deadline.
import { atTimeOn, DAY_MS, findDates, findTimeOfDay, startOfDay, type DateContext } from './dates.js';
import { countsFromAppointment, countsFromNextDay, relativeDeadline } from './relative-deadline.js';
import { sentenceAfter, sentencesMatching } from './sentences.js';
import { wordMatches, wordPattern } from './word-start.js';

export interface CancelPolicy {
  /** Epoch ms of the deadline, with the offset it is to be printed in. */
  deadline: { ms: number; offset: number } | null;
  untilShipped: boolean;
  evidence: string | null;
}

// A subscription is ended, not cancelled: "kündigen", "résilier", "disdire", "opzeggen".
const CANCEL_WORD = wordPattern(String.raw`(?:cancel\w*|storn\w*|k[üu]ndig\w*|r[ée]sili\w*|disdi\w*|opzeg\w*|annul\w*|cancela\w*|anula\w*|annulla\w*|annuleer\w*|annuler\w*|annulering\w*|stop\s+(?:your|the|an|my)\s+order)`, 'giu');

const UNTIL_SHIPPED = new RegExp(
  [
    String.raw`until\s+(?:it|your\s+(?:order|items?|parcel|package)|the\s+order|they|we)\s+(?:ships?|(?:has|have|is|are)\s+(?:been\s+)?(?:shipped|dispatched|sent)|dispatch(?:es)?|leaves?|ship\s+it)`,
    String.raw`(?:before|prior\s+to|until|till)\s+(?:\p{L}+\s+){0,5}?(?:ships?|(?:is|are|has|have)\s+(?:been\s+)?(?:shipped|dispatched|sent\s+out)|dispatch(?:es|ed)?|leaves?\s+(?:our|the)|ship\s+it)`,
    String.raw`(?:until|before|prior\s+to)\s+(?:shipping|shipment|dispatch)`, String.raw`until\s+(?:it\s+is\s+)?shipped`, String.raw`up\s+to\s+(?:the\s+point\s+of\s+)?(?:shipping|dispatch)`,
    String.raw`bis\s+(?:zum|zur)\s+(?:versand|versendung|auslieferung)`, String.raw`vor\s+(?:dem\s+)?versand`, String.raw`solange\s+(?:sie|die\s+bestellung|ihre\s+bestellung|deine\s+bestellung)\s+noch\s+nicht\s+versandt`,
    String.raw`jusqu'(?:à|a)\s+(?:l'exp[ée]dition|son\s+exp[ée]dition|ce\s+qu'elle\s+soit\s+exp[ée]di[ée]e|l'envoi)`, String.raw`avant\s+(?:l'exp[ée]dition|son\s+exp[ée]dition|l'envoi)`, String.raw`tant\s+qu'elle\s+n'est\s+pas\s+exp[ée]di[ée]e`,
    String.raw`hasta\s+que\s+(?:se\s+env[ií]e|sea\s+enviad[oa]|salga)`, String.raw`antes\s+(?:del\s+env[ií]o|de\s+que\s+(?:se\s+env[ií]e|sea\s+enviad[oa]))`, String.raw`mientras\s+no\s+(?:se\s+haya|haya\s+sido)\s+enviad`,
    String.raw`fino\s+(?:alla|al\s+momento\s+della)\s+spedizione`, String.raw`prima\s+della\s+spedizione`, String.raw`finch[ée]\s+non\s+(?:viene|è|sarà)\s+spedit`,
    String.raw`(?:solange|as\s+long\s+as|tant\s+qu(?:e|['’])|mientras|finch[ée]|zolang)\s*(?:\p{L}+\s+){0,5}?(?:noch\s+nicht|not\s+yet|hasn['’]t|has\s+not|haven['’]t|n['’]a\s+pas|n['’]est\s+pas|ne\s+l['’]\s*(?:a|ont)\s+pas|no\s+(?:se\s+|l[oa]s?\s+)?hayan?|no\s+(?:l[oa]s?\s+)?ha|non\s+(?:è|ha)|non\s+l['’]\s*(?:ha|hanno)|nog\s+niet)\s+(?:\p{L}+\s+){0,3}?(?:versandt|versendet|verschickt|verlassen|shipped|left|been\s+shipped|dispatched|exp[ée]di|quitt|parti\w*|sorti\w*|enviad|salido|spedit|lasciato|uscit|verzonden|verlaten)`,
    String.raw`until\s+it\s+(?:leaves|has\s+left)\s+our\s+(?:warehouse|studio|workshop)`,
    // "until they have been collected by the courier": the courier's pick-up is the shipping
    String.raw`until\s+(?:it\s+has|they\s+have|it\s+is|they\s+are)\s+(?:been\s+)?(?:collected|picked\s+up)\s+by\s+(?:the\s+|our\s+)?(?:courier|carrier)`, String.raw`until\s+(?:courier|carrier)\s+(?:collection|pick-?\s?up)`, String.raw`bis\s+zur\s+abholung\s+durch\s+(?:den|das|die|unseren)\s+(?:paketdienst|kurier|versanddienstleister|spediteur)`,
    String.raw`jusqu['’]\s*[àa]\s+(?:l['’]\s*)?enl[èe]vement\s+par\s+(?:le|notre)\s+transporteur`, String.raw`hasta\s+que\s+(?:el\s+)?(?:mensajero|transportista)\s+(?:lo|la|los|las)\s+recoja`, String.raw`fino\s+al\s+ritiro\s+(?:da\s+parte\s+)?del\s+corriere`, String.raw`tot(?:dat)?\s+de\s+(?:koerier|vervoerder)\s+(?:het|hem|ze|je\s+bestelling)\s+(?:ophaalt|heeft\s+opgehaald)`,
    // "hasta que la despachemos": until the shop ships it
    String.raw`hasta\s+que\s+(?:l[oa]s?\s+)?(?:despachemos|enviemos|sea\s+despachad[oa]|se\s+despache)`, String.raw`bis\s+wir\s+(?:sie|ihn|es|die\s+ware|ihre\s+bestellung)\s+(?:versenden|verschicken|versandt\s+haben)`,
    String.raw`jusqu['’]\s*[àa]\s+ce\s+que\s+nous\s+l['’]\s*(?:exp[ée]diions|ayons\s+exp[ée]di[ée]e?)`, String.raw`finch[ée]\s+non\s+l[oa]\s+(?:spediamo|abbiamo\s+spedit[oa])`, String.raw`tot(?:dat)?\s+(?:we|wij)\s+(?:het|hem|ze|je\s+bestelling)\s+(?:verzenden|versturen|hebben\s+verzonden)`,
    // "bis die Ware unser Lager verlässt": leaving the warehouse is shipping
    String.raw`bis\s+(?:die\s+ware|ihre\s+bestellung|deine\s+bestellung|das\s+paket|sie|es)\s+(?:unser|das)\s+lager\s+verl[äa]sst`,
    String.raw`avant\s+que\s+(?:votre\s+commande|le\s+colis|elle|il)\s+(?:ne\s+)?quitte\s+(?:notre|l['’])\s*entrep[ôo]t`,
    String.raw`(?:antes\s+de\s+que|hasta\s+que)\s+(?:tu\s+pedido|su\s+pedido|el\s+paquete)\s+salga\s+de(?:l|\s+nuestro)\s+almac[ée]n`,
    String.raw`prima\s+che\s+(?:l['’]\s*ordine|il\s+pacco)\s+lasci\s+il\s+(?:nostro\s+)?magazzino`,
    String.raw`tot(?:dat)?\s+(?:je|uw)\s+(?:bestelling|pakket)\s+(?:ons|het)\s+magazijn\s+verlaat`,
    String.raw`(?:that|which)\s+(?:haven['’]t|have\s+not|hasn['’]t|has\s+not)\s+(?:yet\s+)?(?:been\s+)?(?:shipped|dispatched|sent)`,
    // "les articles qui n'ont pas encore été expédiés", "Artikel, die noch nicht versandt wurden"
    String.raw`qui\s+n'\s*(?:ont|a)\s+pas\s+(?:encore\s+)?(?:été\s+)?exp[ée]di[ée]e?s?`, String.raw`die\s+noch\s+nicht\s+(?:versandt|verschickt|versendet)`, String.raw`que\s+(?:a[úu]n|todav[íi]a)\s+no\s+(?:se\s+)?(?:han|ha)\s+(?:sido\s+)?enviad`, String.raw`che\s+non\s+(?:sono|è)\s+(?:ancora\s+)?stat[io]\s+spedit`, String.raw`die\s+nog\s+niet\s+(?:zijn\s+|is\s+)?verzonden`,
    String.raw`tot\s+(?:het\s+moment\s+van\s+)?(?:de\s+)?verzending`,
    // "until it is handed over to the carrier"
    String.raw`(?:until|before)\s+(?:\p{L}+\s+){0,4}?handed\s+(?:over\s+)?to\s+(?:the\s+|our\s+)?(?:carrier|courier|shipping\s+(?:company|partner)|delivery\s+(?:company|partner))`,
    String.raw`(?:bis\s+zur|vor\s+der)\s+[üu]bergabe\s+an\s+(?:den|das|die|unseren)\s+(?:versand|paket|transport|zustell)\p{L}*`, String.raw`jusqu['’]?\s*[àa]\s+(?:sa|la)\s+remise\s+(?:au|[àa]\s+notre)\s+transporteur`,
    String.raw`hasta\s+que\s+(?:se\s+)?entregue\s+al\s+(?:transportista|mensajero)`, String.raw`fino\s+alla\s+consegna\s+al\s+corriere`, String.raw`tot\s+(?:de\s+)?overdracht\s+aan\s+de\s+vervoerder`, String.raw`totdat\s+(?:je|jouw|uw|de)\s+(?:bestelling|pakket)\s+(?:is\s+)?verzonden`, String.raw`v[oó][oó]r\s+(?:de\s+)?verzending`,
  ].join('|'),
  'iu',
);

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, ten: 10, twelve: 12, fourteen: 14, fifteen: 15,
  twenty: 20, thirty: 30, sixty: 60, ninety: 90, a: 1, an: 1,
  ein: 1, einer: 1, eine: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, zwölf: 12, vierzehn: 14, dreißig: 30, sechzig: 60,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, douze: 12, quatorze: 14, quinze: 15, trente: 30, soixante: 60,
  uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, doce: 12, catorce: 14, quince: 15, treinta: 30, sesenta: 60,
  due: 2, tre: 3, quattro: 4, dodici: 12, quattordici: 14, quindici: 15, trenta: 30, sessanta: 60,
  één: 1, een: 1, twee: 2, drie: 3, vijf: 5, twaalf: 12, veertien: 14, vijftien: 15, dertig: 30, zestig: 60,
};
const NUM = String.raw`(\d{1,3}|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})`;
const UNIT = String.raw`(seconds?|secs?|sekunden|secondes?|segundos?|secondi|seconden|minutes?|mins?|minuten|minutos?|minuti|hours?|hrs?|h|stunden?|std\.?|heures?|horas?|ore|ora|uur|days?|tage?n?|jours?|d[ií]as?|giorni|dagen)`;
const WINDOW = new RegExp(
  [
    String.raw`(?:within|for|in\s+the\s+(?:first|next)|dentro\s+de\s+(?:los|las)?\s*(?:primeros|primeras|pr[óo]xim[oa]s)?|entro\s+(?:i|le)\s+(?:primi|prime|prossimi|prossime)|binnen\s+de\s+eerste|up\s+to|during\s+the\s+first|innerhalb(?:\s+von|\s+der\s+(?:n[äa]chsten|ersten))?|binnen|in\s+den\s+ersten|sous|dans\s+les|pendant|durant\s+les|en\s+(?:un\s+plazo\s+de|(?:los|las)(?:\s+(?:primer[oa]s|pr[óo]xim[oa]s))?)?|durante(?:\s+(?:las|los))?(?:\s+(?:primer[oa]s?))?|entro|nei\s+(?:primi|prossimi)|nelle\s+(?:prime|prossime)|per)\s+${NUM}\s*-?\s*${UNIT}`,
    String.raw`${NUM}\s*-?\s*${UNIT}\s+(?:to|pour|para|per|om|um|zum|f[üu]r)\s+(?:\p{L}+\s+){0,3}?(?:cancel|change|edit|modify|annul|stor|cancela|anula|annulla|annuleer|wijzig)`,
    String.raw`${NUM}\s*-?\s*${UNIT}\s+(?:window|grace\s+period|lang|nach|after|of\s+(?:placing|ordering|checkout|purchase)|na\s+(?:het\s+)?(?:plaatsen|bestellen|boeken|reserveren)|apr[èe]s|despu[ée]s|dopo)`,
    // "Du hast 14 Minuten Zeit, ... zu stornieren", "Vous disposez de 30 minutes pour annuler"
    String.raw`(?:du\s+hast|sie\s+haben|you\s+have|vous\s+avez|vous\s+disposez\s+de|tu\s+as|tienes|tiene|usted\s+tiene|hai|avete|je\s+hebt|u\s+heeft)\s+(?:noch\s+|still\s+|encore\s+|ancora\s+|nog\s+)?${NUM}\s*-?\s*${UNIT}`,
  ].join('|'),
  'iu',
);

function unitMinutes(unit: string): number {
  const u = unit.toLowerCase();
  if (/^(?:sec|sek|seg)/.test(u)) return 1 / 60;
  if (/^(?:m)/.test(u)) return 1;
  if (/^(?:h|stund|std|heure|hora|ore|ora|uur)/.test(u)) return 60;
  return 24 * 60;
}

function numberValue(word: string): number | null {
  const n = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word.toLowerCase()];
  return n && n > 0 ? n : null;
}

// "This item is personalised and cannot be cancelled", "Tickets are non-cancellable": no window,
// whatever a footer says about orders in general. Not a rule with a condition ("once shipped",
// "after that", "after 2 hours"): those bound a window stated elsewhere.
const NO_CANCEL = new RegExp(
  [
    String.raw`(?:do(?:es)?\s*n['’]?t|do(?:es)?\s+not|won['’]t|will\s+not)\s+(?:accept|allow|offer|take)\s+(?:any\s+)?(?:cancell?ations?|changes\s+or\s+cancell?ations)`,
    String.raw`(?:cannot|can['’]t|can\s+not|may\s+not)\s+be\s+(?:changed\s+or\s+|modified\s+or\s+)?cancell?ed`, String.raw`no\s+cancell?ations`, String.raw`non[-\s]?cancell?able|not\s+cancell?able`,
    String.raw`(?:keine|nicht)\s+(?:\p{L}+\s+){0,2}?(?:storn|stornierbar)`, String.raw`(?:kann|k[öo]nnen)\s+nicht\s+(?:\p{L}+\s+){0,2}?storniert`,
    String.raw`ne\s+(?:peut|peuvent|sont|est)\s+(?:\p{L}+\s+){0,2}?pas\s+(?:être\s+)?(?:annul|modifi[ée]e?s?\s+(?:ni|ou)\s+annul)`, String.raw`aucune\s+annulation`, String.raw`non\s+annulable`,
    String.raw`no\s+(?:se\s+)?(?:admiten?|aceptan?|permiten?|pueden?)\s+(?:\p{L}+\s+){0,2}?(?:cancelaci|cancelar|anular|anulaci)`, String.raw`no\s+(?:son|es)\s+cancelables?`,
    String.raw`non\s+(?:è|sono|può|possono)\s+(?:\p{L}+\s+){0,2}?(?:annullabil|annullat|essere\s+annullat)`, String.raw`nessun\s+annullamento`,
    String.raw`(?:kan|kunnen)\s+niet\s+(?:worden\s+)?geannuleerd`, String.raw`geen\s+annulering`,
  ].join('|'),
  'iu',
);
const CONDITION = new RegExp(
  [
    String.raw`(?:once|after|when|as\s+soon\s+as|nach|sobald|une\s+fois|après|dès|una\s+vez|después|dopo|una\s+volta|zodra|nadat)\s+(?:\p{L}+\s+){0,3}?(?:ship|dispatch|sent|left|versand|versendet|verschickt|exp[ée]di|envi|sali|sped|verzonden|verzend)`,
    String.raw`after\s+that|afterwards|thereafter|beyond\s+(?:this|that)|past\s+(?:this|that)|outside\s+(?:this|that)|danach|ensuite|pass[ée]\s+ce\s+d[ée]lai|despu[ée]s\s+de\s+(?:ese|este)|dopo\s+(?:questo|tale)|trascors[oi]\s+(?:questo|tale|il|detto)|scadut[oi]\s+(?:questo|tale|il)|daarna|na\s+(?:deze|die)\s+(?:termijn|periode)`,
    String.raw`\d+\s*(?:minutes?|mins?|hours?|hrs?|h|days?|stunden?|tage?n?|heures?|jours?|horas?|d[ií]as?|ore|giorni|uur|dagen)(?![\p{L}])`,
  ].join('|'),
  'iu',
);

/** Typographic apostrophes read as plain ones ("jusqu’à l’expédition"): the patterns are written with '. */
function plainApostrophes(s: string): string {
  return s.replace(/[’‘ʼ]/g, "'");
}

export function findCancelPolicy(text: string, orderedAt: { ms: number; offset: number } | null, ctx: DateContext): CancelPolicy {
  const none: CancelPolicy = { deadline: null, untilShipped: false, evidence: null };
  const sentences = sentencesMatching(text, CANCEL_WORD);
  for (const sentence of sentences) {
    const s = plainApostrophes(sentence.text);
    if (NO_CANCEL.test(s) && !CONDITION.test(s) && !UNTIL_SHIPPED.test(s)) return none;
  }
  for (const sentence of sentences) {
    // "Need to cancel? You can do it until 11:59pm on Sunday": a question is answered by the next sentence.
    const said = /\?$/.test(sentence.text) ? `${sentence.text} ${sentenceAfter(text, sentence.end)}`.trim() : sentence.text;
    // the evidence stays as printed
    const s = plainApostrophes(said);
    const evidence = said;
    if (/cancel(?:l?ation)?\s+(?:fee|insurance)|unsubscribe|abbestell|d[ée]sabonn|darse\s+de\s+baja|disiscriv|iscrizione|afmeld/i.test(s)) continue;
    // "If we don't hear back by Friday, the order will be cancelled automatically": the shop's deadline, not the owner's.
    if (AUTOMATIC.test(s)) continue;
    const midnight = untilMidnight(s, orderedAt, ctx);
    if (midnight) return { deadline: midnight, untilShipped: false, evidence };
    if (UNTIL_SHIPPED.test(s)) return { deadline: null, untilShipped: true, evidence };
    const printed = findDates(s, ctx);
    // "bis 23:59 Uhr am Tag nach Ihrer Bestellung": the time stands on the next day, whatever day a parser gives it
    const nextDay = countsFromNextDay(s) ? relativeDeadline(s, text, orderedAt, ctx) : null;
    if (nextDay) return { deadline: nextDay, untilShipped: false, evidence };
    const timed = printed.find((d) => d.hasTime && (!orderedAt || d.ms >= orderedAt.ms - 60_000));
    if (timed) return { deadline: { ms: timed.ms, offset: timed.offset }, untilShipped: false, evidence };
    // Before WINDOW: "up to 48 hours before delivery" counts from the delivery, not the order.
    const relative = relativeDeadline(s, text, orderedAt, ctx);
    if (relative) return { deadline: relative, untilShipped: false, evidence };
    if (countsFromAppointment(s)) continue; // no appointment booked (yet): no deadline to count
    const window = WINDOW.exec(s);
    if (window && orderedAt) {
      // each of WINDOW's alternatives has its own (number, unit) pair of groups
      const pair = [1, 3, 5, 7].find((g) => window[g] !== undefined)!;
      const n = numberValue(window[pair]!);
      const unit = window[pair + 1]!;
      if (n !== null) return { deadline: { ms: orderedAt.ms + n * unitMinutes(unit) * 60_000, offset: orderedAt.offset }, untilShipped: false, evidence };
    }
    if (WITHIN_THE_HOUR.test(s) && orderedAt) return { deadline: { ms: orderedAt.ms + 3_600_000, offset: orderedAt.offset }, untilShipped: false, evidence };
    // "We roast at 14:00. Until then you can cancel today": the time may stand one sentence earlier.
    const earlier = text.slice(Math.max(0, sentence.index - 160), sentence.index);
    const sameDay = SAME_DAY.test(s) && orderedAt ? (timeOnOrderDay(s, orderedAt, ctx) ?? (UNTIL_THEN.test(s) ? timeOnOrderDay(earlier, orderedAt, ctx) : null)) : null;
    if (sameDay) return { deadline: sameDay, untilShipped: false, evidence };
    // "Je kunt je bestelling tot 22:00 annuleren": a time without a day is the next such time after ordering.
    if (orderedAt && printed.length === 0 && UNTIL_TIME.test(s)) {
      const at = timeOnOrderDay(s, orderedAt, ctx);
      if (at) return { deadline: at.ms < orderedAt.ms ? { ms: at.ms + DAY_MS, offset: at.offset } : at, untilShipped: false, evidence };
    }
    const dates = printed.filter((d) => d.hasTime || /\b(?:until|by|before|bis|jusqu|avant|hasta|antes|entro|fino|tot|voor|uiterlijk)\b/i.test(s));
    const dated = dates[0];
    if (dated && (!orderedAt || dated.ms >= orderedAt.ms - 60_000)) {
      const ms = dated.hasTime ? dated.ms : endOfDay(dated.ms, dated.offset);
      return { deadline: { ms, offset: dated.offset }, untilShipped: false, evidence };
    }
    const changes = changesUntil(text, sentence.index, orderedAt, ctx);
    if (changes) return { deadline: changes.deadline, untilShipped: false, evidence: `${changes.evidence} … ${evidence}` };
  }
  return none;
}

const CHANGE_WORD = /(?<![\p{L}])(?:changes?|edits?|modif\p{L}*|[äa]nder\p{L}*|wijzig\p{L}*|cambi\p{L}*|modific\p{L}*)(?![\p{L}])/iu;
const UNTIL_WORD = /(?<![\p{L}])(?:until|till|by|before|bis|jusqu|avant|hasta|antes|entro|fino|tot|voor|uiterlijk)(?![\p{L}])/iu;

/**
 * "Changes can be made until 11:59 PM ET on January 21. After that your box is packed. Skip, swap
 * or cancel this box here": a cancel offer without its own deadline, in the paragraph of a deadline
 * for changes, has that deadline. Looks back at most two sentences, never past a blank line.
 */
function changesUntil(text: string, index: number, orderedAt: { ms: number; offset: number } | null, ctx: DateContext): { deadline: { ms: number; offset: number }; evidence: string } | null {
  const before = text.slice(Math.max(0, index - 300), index);
  const paragraph = before.slice(before.lastIndexOf('\n\n') + 1);
  for (const sentence of paragraph.split(/(?<=[.!?])\s+/).filter((x) => x.trim()).slice(-2).reverse()) {
    if (!CHANGE_WORD.test(sentence) || !UNTIL_WORD.test(sentence)) continue;
    const timed = findDates(sentence, ctx).find((d) => d.hasTime && (!orderedAt || d.ms >= orderedAt.ms - 60_000));
    if (timed) return { deadline: { ms: timed.ms, offset: timed.offset }, evidence: sentence.trim() };
  }
  return null;
}

const AUTOMATIC = /(?:automatically|automatisch|automatiquement|autom[áa]ticamente|automaticamente)\s+(?:\p{L}+\s+){0,2}?(?:cancell?ed|storniert|annul[ée]e?s?|cancelad[oa]s?|anulad[oa]s?|annullat[oa]|geannuleerd)|(?:cancell?ed|storniert|annul[ée]e?s?|cancelad[oa]s?|anulad[oa]s?|annullat[oa]|geannuleerd)\s+(?:\p{L}+\s+){0,2}?(?:automatically|automatisch|automatiquement|autom[áa]ticamente|automaticamente)/iu;

// "until midnight" is the end of the day: of the date printed, else of the order's day.
const UNTIL_MIDNIGHT = /(?:until|till|by|before|bis|jusqu['’]?\s*[àa]|avant|hasta|antes\s+de|fino\s+a|entro|tot|voor)\s+(?:\p{L}+\s+){0,2}?(?:midnight|mitternacht|minuit|medianoche|mezzanotte|middernacht|end\s+of\s+(?:the\s+)?day|tagesende|ende\s+des\s+tages|fin\s+de\s+(?:la\s+)?journ[ée]e|final\s+del\s+d[ií]a|fine\s+(?:della\s+)?giornata|einde\s+van\s+de\s+dag)/iu;

function untilMidnight(sentence: string, orderedAt: { ms: number; offset: number } | null, ctx: DateContext): { ms: number; offset: number } | null {
  if (!UNTIL_MIDNIGHT.test(sentence)) return null;
  // "until end of day – 23:59 tonight": the printed time is the exact one
  const time = findTimeOfDay(sentence, ctx);
  if (time && (time.hour !== 0 || time.minute !== 0)) return null;
  const printed = findDates(sentence, ctx).find((d) => !orderedAt || d.ms >= orderedAt.ms - 86_400_000);
  const day = printed ?? orderedAt;
  if (!day) return null;
  return { ms: startOfDay(day.ms, day.offset) + DAY_MS, offset: day.offset };
}

// "dans l'heure qui suit votre commande": an hour written without its number.
const WITHIN_THE_HOUR = /(?<![\p{L}])(?:dans\s+l'heure|innerhalb\s+der\s+ersten\s+stunde|en\s+la\s+primera\s+hora|entro\s+la\s+prima\s+ora|within\s+the\s+(?:first\s+)?hour|binnen\s+het\s+(?:eerste\s+)?uur)(?![\p{L}])/iu;
const UNTIL_TIME = /(?<![\p{L}])(?:until|till|by|before|bis|jusqu['’]?\s*[àa]|avant|hasta\s+las|antes\s+de\s+las|entro\s+le|fino\s+alle|tot|voor)\s+(?:\d{1,2}[:.h]\d{2}|\d{1,2}\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.|uur))(?![\p{L}\d])/iu;
const UNTIL_THEN = /until\s+then|by\s+then|bis\s+dahin|jusque[-\s]l[àa]|hasta\s+entonces|fino\s+ad?\s+allora|tot\s+die\s+tijd|tot\s+dan/i;
const SAME_DAY = /same\s+day|today|tonight|this\s+evening|heute|ce\s+soir|esta\s+noche|stasera|vanavond|aujourd['’]hui|hoy|oggi|vandaag|(?:day|date)\s+(?:it\s+(?:is|was)|it's|they\s+(?:are|were)|they're|you)\s+(?:placed|ordered|order)|(?:am|noch\s+am)\s+(?:selben|gleichen)\s+tag|am\s+bestelltag|le\s+jour\s+m[êe]me|le\s+m[êe]me\s+jour|el\s+mismo\s+d[ií]a|lo\s+stesso\s+giorno|in\s+giornata|dezelfde\s+dag|op\s+de\s+dag\s+van/i;

/** "until 5 PM on the day it is placed": that time on the order's calendar day, in the printed zone. */
function timeOnOrderDay(sentence: string, orderedAt: { ms: number; offset: number }, ctx: DateContext): { ms: number; offset: number } | null {
  const time = findTimeOfDay(sentence, ctx);
  return time ? atTimeOn(orderedAt.ms, orderedAt.offset, time) : null;
}

/** The day's last second: a printed date without a time is open until then. */
function endOfDay(ms: number, offset: number): number {
  return startOfDay(ms, offset) + DAY_MS - 1_000;
}

// Refund words alone are not a return period ("refunds appear within 5-10 days").
const RETURN_WORD = wordPattern(String.raw`(?:return\w*|open\s+purchase|öppet\s+köp|ångerrätt|come\s+back|(?:send|sent|ship|shipped|post|posted|mail|mailed|bring|brought)\s+(?:\p{L}+\s+){0,2}?back|back\s+to\s+us|money[-\s]back|geld[-\s]terug\w*|geld[-\s]zur[üu]ck\w*|satisfait\s+ou\s+rembours[ée]|soddisfatti\s+o\s+rimborsati|r[üu]ckgabe\w*|r[üu]cksend\w*|zur[üu]ck(?:senden|schicken|geben)\w*|retour\w*|devoluci\w*|devolver\w*|devuelv\w*|reso|resi|restitu\w*|retourne\w*|terugsturen|terugstuur\w*|bedenktijd)`, 'giu');
// whole words: "la taglia" is no "a tag"
const DAYS = new RegExp(String.raw`(?<![\p{L}\d])${NUM}\s*-?\s*(?:days?|tage?n?|t[äa]gig\p{L}*|jours?|d[ií]as?|giorni|dagen|werktage|business\s+days)(?![\p{L}])`, 'giu');

const WEEKS = new RegExp(String.raw`(?<![\p{L}\d])${NUM}\s*-?\s*(?:weeks?|wochen|semaines?|semanas?|settimane?|weken)(?![\p{L}])`, 'giu');

// The statutory right of withdrawal ("Widerrufsrecht … binnen vierzehn Tagen", "diritto di recesso"):
// in practice the period to send goods back, read when the mail states no return period of its own.
const WITHDRAWAL_WORD = wordPattern(String.raw`(?:widerruf\w*|withdraw\w*|r[ée]tractation\w*|r[ée]tracter|desist\w*|recesso|reced\w*|herroep\w*)`, 'giu');

// An exchange (of a size, say) is read only when nothing is said of returns.
const EXCHANGE_WORD = wordPattern(String.raw`(?:exchange\w*|umtausch\w*|[ée]change\w*|ruil\w*)`, 'giu');
// "Send the old part back within 6 weeks and we refund the deposit": a deposit's deadline, not a return window.
const DEPOSIT = /(?<![\p{L}])(?:\p{L}*pfand|deposit|core\s+charge|cauzione|vuoto\s+a\s+rendere|consigne|fianza|dep[óo]sito|statiegeld|borg)(?![\p{L}])/iu;

export function findReturnWindow(text: string): { days: number; evidence: string } | null {
  return returnWindowIn(text, RETURN_WORD) ?? returnWindowIn(text, EXCHANGE_WORD) ?? returnWindowIn(text, WITHDRAWAL_WORD);
}

function returnWindowIn(text: string, words: typeof RETURN_WORD): { days: number; evidence: string } | null {
  for (const sentence of sentencesMatching(text, words)) {
    if (DEPOSIT.test(sentence.text)) continue;
    const period = periodNearest(sentence.text, words);
    if (!period) continue;
    const { match: m, inWeeks } = period;
    if (/(?:refund|erstattung|rembours|reembols|rimbors|terugbetal)\w*\s+(?:will|wird|sera|ser[áa]|sar[àa]|wordt)|processed|bearbeitet|trait[ée]|procesad|elaborat|verwerkt/i.test(sentence.text) && !/return|r[üu]ckgabe|retour|devoluci|reso|bedenktijd|widerruf/i.test(sentence.text)) continue;
    // "Te devolveremos todos los pagos … a más tardar 14 días": money paid back, not goods sent back
    // "Te lo devolveremos en la misma tarjeta; el abono puede tardar 5 a 10 días": we give the money back
    // (the shop's "devolvemos"), not "puedes devolverlo en 15 días" (the customer sends the goods back)
    // ("tienes 14 días para devolvernos los libros … te devolvemos el importe": the customer's days)
    if ((/devolver\w*\s+(?:\p{L}+\s+){0,3}?(?:pagos?|importe|dinero|cantidad)/iu.test(sentence.text) || (/devolve(?:re)?mos/i.test(sentence.text) && /tarjeta|cuenta|abono|reembols|importe|dinero/i.test(sentence.text))) && !/devoluci|return|retour|reso|(?:para|puedes|pod[ée]s|podr[áa]s|tienes|ten[ée]s)\s+(?:\p{L}+\s+){0,2}?devolver(?!emos)\p{L}*/iu.test(sentence.text)) continue;
    const count = numberValue(m[1]!);
    const days = count === null ? null : inWeeks ? count * 7 : count;
    if (days !== null && days <= 365) return { days, evidence: sentence.text };
  }
  return null;
}


/**
 * The period in days (else in weeks) nearest to a word of `words` in the sentence: "size exchange
 * within 30 days; otherwise return it within 14 days" gives the return its own 14.
 */
function periodNearest(sentence: string, words: typeof RETURN_WORD): { match: RegExpExecArray; inWeeks: boolean } | null {
  const at = [...wordMatches(sentence, words)].map((w) => w.index!);
  for (const re of [DAYS, WEEKS]) {
    let best: RegExpExecArray | null = null;
    let bestDistance = Infinity;
    for (const m of sentence.matchAll(re)) {
      const distance = Math.min(...at.map((i) => Math.abs(i - m.index!)));
      if (distance < bestDistance) [best, bestDistance] = [m as RegExpExecArray, distance];
    }
    if (best) return { match: best, inWeeks: re === WEEKS };
  }
  return null;
}
