// Everyday sentences for the bodies of personal, list, promotional and notification mail.
import type { Lang } from '../orders/markets.js';
import type { Rng } from '../rng.js';

const SENTENCES_EN = [
  'I hope the week has been kind to you so far.',
  'We were thinking of leaving around nine so we miss the worst of the traffic.',
  'Let me know if Saturday still works, otherwise Sunday afternoon is fine as well.',
  'The photos came out better than I expected, even the ones from the boat.',
  'I talked to Sam about it yesterday and he thinks we should wait until spring.',
  'Could you send me the address again? I seem to have lost the message.',
  'The kids are still talking about the weekend at the lake.',
  'I finally finished the book you lent me; the ending was not what I thought.',
  'My train was delayed by forty minutes again, so I missed the first half.',
  'If you need a hand with the move, I am free most evenings next week.',
  'There is a new bakery on the corner that does the best rye bread in town.',
  'I attached the notes from Tuesday, they are a bit rough but should help.',
  'Mum says hello and asks whether you are coming for lunch on the 14th.',
  'The plumber came this morning and it turns out the pipe was fine after all.',
  'We booked the cabin for the second week of August, the one with the sauna.',
  'Honestly I would skip the museum and spend more time in the old town.',
  'Work has been hectic with the migration, but it should calm down soon.',
  'Thanks again for dinner, the risotto was amazing and we want the recipe.',
  'I am not sure the sofa will fit through the door, we should measure first.',
  'Did you ever hear back from the landlord about the heating?',
  'The weather forecast looks good for the hike, just bring a warm layer.',
  'I found an old photo of us at the festival, I will bring it next time.',
  'Can we move our call to Thursday? Something came up on Wednesday.',
  'The garden is finally coming back to life after that long winter.',
  'I think the meeting point should be the north entrance, it is easier to park.',
  'We still have your umbrella from last time, remind me to give it back.',
  'The concert was sold out, but there is a second date in November.',
  'I started running again, only twice a week so far, but it feels good.',
  'Let us split the costs for the present, I can pay and you send me your half.',
  'The new job is going well, the team is small but really friendly.',
];
const SENTENCES_OTHER: Record<'de' | 'fr' | 'es' | 'it' | 'nl', string[]> = {
  de: ['Ich hoffe, es geht euch allen gut.', 'Wir könnten am Samstag gegen zehn Uhr losfahren.', 'Hast du die Fotos vom Wochenende schon gesehen?', 'Sag mir einfach Bescheid, ob es dir am Sonntag passt.', 'Die Wohnung ist fast fertig, nur die Küche fehlt noch.', 'Mama lässt grüßen und fragt, wann ihr kommt.', 'Der Zug hatte wieder Verspätung, typisch.', 'Ich schicke dir die Adresse gleich noch einmal.'],
  fr: ['J’espère que tout va bien de ton côté.', 'On pourrait partir samedi vers dix heures.', 'As-tu vu les photos du week-end ?', 'Dis-moi si dimanche te convient.', 'L’appartement est presque prêt, il manque la cuisine.', 'Maman t’embrasse et demande quand vous venez.', 'Le train avait encore du retard.', 'Je te renvoie l’adresse tout de suite.'],
  es: ['Espero que todo vaya bien por allí.', 'Podríamos salir el sábado hacia las diez.', '¿Has visto ya las fotos del fin de semana?', 'Dime si el domingo te viene bien.', 'El piso está casi listo, solo falta la cocina.', 'Mamá te manda saludos y pregunta cuándo venís.', 'El tren volvió a llegar tarde.', 'Te vuelvo a mandar la dirección ahora mismo.'],
  it: ['Spero che vada tutto bene da voi.', 'Potremmo partire sabato verso le dieci.', 'Hai già visto le foto del fine settimana?', 'Fammi sapere se domenica ti va bene.', 'La casa è quasi pronta, manca solo la cucina.', 'La mamma ti saluta e chiede quando venite.', 'Il treno era di nuovo in ritardo.', 'Ti rimando subito l’indirizzo.'],
  nl: ['Ik hoop dat alles goed gaat daar.', 'We kunnen zaterdag rond tien uur vertrekken.', 'Heb je de foto’s van het weekend al gezien?', 'Laat me weten of zondag je uitkomt.', 'Het huis is bijna klaar, alleen de keuken nog.', 'Mama doet de groeten en vraagt wanneer jullie komen.', 'De trein had weer vertraging.', 'Ik stuur je het adres zo nog een keer.'],
};
export function sentences(rng: Rng, lang: Lang, min: number, max: number): string {
  const pool = lang === 'en' ? SENTENCES_EN : SENTENCES_OTHER[lang];
  const n = rng.int(min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.pick(pool));
  return out.join(' ');
}
