// What an order confirmation says, in each of the six languages: subjects, headings, labels,
// legal text, and the names, streets, products and shop names it is made of.
import type { Lang } from './markets.js';

export interface Phrases {
  subjects: ((n: string, shop: string) => string)[];
  headings: string[];
  greeting: (first: string) => string;
  intros: string[];
  orderNo: string;
  orderDate: string;
  item: string;
  qty: string;
  price: string;
  subtotal: string;
  shipping: string;
  discount: string;
  /** Tax line when tax is added on top; `{r}` is the rate. */
  taxAdded: string;
  /** VAT included line; `{r}` is the rate. */
  vatIncluded: string;
  /** The grand-total label, as such shops print it. */
  totals: string[];
  shipTo: string;
  billTo: string;
  shippingMethod: string;
  shippingMethods: string[];
  payment: string;
  payments: string[];
  viewOrder: string;
  help: string;
  cancelNote: string;
  recommended: string;
  shopNow: string;
  unsubscribe: string;
  privacy: string;
  legal: string[];
  products: { adjectives: string[]; nouns: string[] };
  names: { first: string[]; last: string[] };
  streets: string[];
  /** Local parts the shop sends from. */
  senders: string[];
  shopWords: { first: string[]; second: string[] };
  sku: string;
}

const EN: Phrases = {
  senders: ['orders', 'noreply', 'shop', 'hello'],
  subjects: [
    (n) => `Order #${n} confirmed`,
    (n, s) => `Your ${s} order confirmation #${n}`,
    (n) => `Thank you for your order #${n}`,
    (n) => `Order confirmation - Order #${n}`,
    (n, s) => `${s}: Order #${n} received`,
  ],
  headings: ['Thank you for your purchase!', 'Thanks for your order!', 'Order confirmed', 'We have received your order'],
  greeting: (f) => `Hi ${f},`,
  intros: [
    "We're getting your order ready to be shipped. We will notify you when it has been sent.",
    'Thanks for shopping with us. Your order has been received and is now being processed.',
    "Good news: we've received your order and our team is already packing it.",
  ],
  orderNo: 'Order number',
  orderDate: 'Order date',
  item: 'Item',
  qty: 'Qty',
  price: 'Price',
  subtotal: 'Subtotal',
  shipping: 'Shipping',
  discount: 'Discount',
  taxAdded: 'Sales tax ({r}%)',
  vatIncluded: 'Includes VAT ({r}%)',
  totals: ['Total', 'Order total', 'Grand total'],
  shipTo: 'Shipping address',
  billTo: 'Billing address',
  shippingMethod: 'Shipping method',
  shippingMethods: ['Standard Shipping (3-5 business days)', 'Express Shipping', 'Free Ground Shipping', 'Royal Mail Tracked 48'],
  payment: 'Payment method',
  payments: ['Visa ending in 4242', 'Mastercard ending in 5100', 'PayPal', 'American Express ending in 1005', 'Apple Pay'],
  viewOrder: 'View your order',
  help: 'Questions? Reply to this email or contact us at',
  cancelNote: 'Changed your mind? You can cancel your order within 2 hours of placing it from your account page.',
  recommended: 'You might also like',
  shopNow: 'Shop now',
  unsubscribe: 'Unsubscribe',
  privacy: 'Privacy policy',
  legal: [
    'You are receiving this email because you made a purchase at our store. This message was sent from an address that cannot accept replies to marketing content; for help with your order please use the contact details above.',
    'Returns: most items can be returned within 30 days of delivery in their original condition. Personalised items, gift cards and opened personal care products cannot be returned. Refunds are issued to the original payment method within 5-10 business days of receiving the return.',
    'Prices and availability of recommended products are subject to change. Product colours may vary slightly from the images shown because of screen settings. Delivery estimates are not guaranteed and may be affected by carrier delays, weather and public holidays.',
    'Our registered office: see our website for company details. We process your personal data in line with our privacy policy to fulfil your purchase, send service messages about it and, where you agreed, tell you about new products.',
  ],
  products: {
    adjectives: ['Linen', 'Ceramic', 'Organic', 'Walnut', 'Merino', 'Recycled', 'Hand-poured', 'Stoneware', 'Cedar', 'Brass', 'Cotton', 'Bamboo', 'Vintage', 'Waxed Canvas'],
    nouns: ['Tea Towel', 'Coffee Mug', 'Soy Candle', 'Cutting Board', 'Beanie', 'Tote Bag', 'Notebook', 'Planter', 'Throw Blanket', 'Water Bottle', 'Desk Lamp', 'Pour-Over Set', 'Apron', 'Socks (3-pack)'],
  },
  names: { first: ['Dana', 'Michael', 'Priya', 'James', 'Olivia', 'Noah', 'Emma', 'Liam', 'Chloe', 'Ethan'], last: ['Whitcombe', 'Harris', 'Patel', 'O’Brien', 'Nguyen', 'Campbell', 'Foster', 'Reid', 'Murphy', 'Clarke'] },
  streets: ['Maple Avenue', 'High Street', 'Harbour Road', 'Elm Street', 'King Street West', 'Station Road'],
  shopWords: { first: ['Harbor', 'Cedar', 'Juniper', 'Copper', 'Willow', 'Bramble', 'Ember', 'Larkspur', 'Tamarack', 'Saltwater'], second: ['& Co.', 'Supply', 'Goods', 'Studio', 'Market', 'Outfitters', 'Pantry', 'Workshop'] },
  sku: 'SKU',
};

const DE: Phrases = {
  senders: ['bestellung', 'shop', 'noreply', 'service'],
  subjects: [
    (n) => `Bestellbestätigung Nr. ${n}`,
    (n) => `Vielen Dank für Ihre Bestellung #${n}`,
    (n, s) => `${s} – Bestellbestätigung ${n}`,
    (n) => `Ihre Bestellung ${n}: Bestellbestätigung`,
  ],
  headings: ['Vielen Dank für Ihre Bestellung!', 'Bestellbestätigung', 'Danke für deinen Einkauf!'],
  greeting: (f) => `Hallo ${f},`,
  intros: [
    'wir haben Ihre Bestellung erhalten und bereiten sie für den Versand vor. Sobald Ihr Paket unterwegs ist, senden wir Ihnen eine weitere E-Mail.',
    'vielen Dank für Ihren Einkauf bei uns. Nachfolgend finden Sie eine Übersicht Ihrer Bestellung.',
  ],
  orderNo: 'Bestellnummer',
  orderDate: 'Bestelldatum',
  item: 'Artikel',
  qty: 'Menge',
  price: 'Preis',
  subtotal: 'Zwischensumme',
  shipping: 'Versandkosten',
  discount: 'Rabatt',
  taxAdded: 'zzgl. MwSt. ({r} %)',
  vatIncluded: 'enthaltene MwSt. ({r} %)',
  totals: ['Gesamtsumme', 'Gesamtbetrag', 'Endbetrag'],
  shipTo: 'Lieferadresse',
  billTo: 'Rechnungsadresse',
  shippingMethod: 'Versandart',
  shippingMethods: ['DHL Paket', 'Hermes Standard', 'DPD Classic', 'Deutsche Post Warensendung'],
  payment: 'Zahlungsart',
  payments: ['PayPal', 'Kreditkarte (Visa)', 'Kauf auf Rechnung (Klarna)', 'Vorkasse / Überweisung', 'SEPA-Lastschrift'],
  viewOrder: 'Bestellung ansehen',
  help: 'Fragen zu Ihrer Bestellung? Antworten Sie einfach auf diese E-Mail oder schreiben Sie an',
  cancelNote: 'Sie möchten Ihre Bestellung ändern? Bitte melden Sie sich innerhalb von 24 Stunden bei unserem Kundenservice.',
  recommended: 'Das könnte Ihnen auch gefallen',
  shopNow: 'Zum Produkt',
  unsubscribe: 'Abmelden',
  privacy: 'Datenschutzerklärung',
  legal: [
    'Widerrufsrecht: Sie haben das Recht, binnen vierzehn Tagen ohne Angabe von Gründen diesen Vertrag zu widerrufen. Die Widerrufsfrist beträgt vierzehn Tage ab dem Tag, an dem Sie oder ein von Ihnen benannter Dritter, der nicht der Beförderer ist, die Waren in Besitz genommen haben bzw. hat.',
    'Um Ihr Widerrufsrecht auszuüben, müssen Sie uns mittels einer eindeutigen Erklärung (z. B. ein mit der Post versandter Brief oder eine E-Mail) über Ihren Entschluss, diesen Vertrag zu widerrufen, informieren. Sie können dafür das beigefügte Muster-Widerrufsformular verwenden, das jedoch nicht vorgeschrieben ist.',
    'Folgen des Widerrufs: Wenn Sie diesen Vertrag widerrufen, haben wir Ihnen alle Zahlungen, die wir von Ihnen erhalten haben, einschließlich der Lieferkosten, unverzüglich und spätestens binnen vierzehn Tagen ab dem Tag zurückzuzahlen, an dem die Mitteilung über Ihren Widerruf dieses Vertrags bei uns eingegangen ist.',
    'Diese E-Mail wurde automatisch erstellt. Geschäftsführer: siehe Impressum. Registergericht: Amtsgericht, Handelsregister und Umsatzsteuer-Identifikationsnummer finden Sie in unserem Impressum auf der Website.',
  ],
  products: {
    adjectives: ['Leinen-', 'Keramik-', 'Bio-', 'Nussbaum-', 'Merino-', 'Edelstahl-', 'Eichen-', 'Filz-', 'Glas-', 'Messing-'],
    nouns: ['Geschirrtuch', 'Kaffeebecher', 'Duftkerze', 'Schneidebrett', 'Mütze', 'Einkaufstasche', 'Notizbuch', 'Blumentopf', 'Wolldecke', 'Trinkflasche', 'Schreibtischlampe', 'Müslischale'],
  },
  names: { first: ['Jana', 'Lukas', 'Sophie', 'Maximilian', 'Lea', 'Jörg', 'Anna', 'Felix', 'Marie', 'Stefan'], last: ['Müller', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Schäfer', 'Köhler', 'Hoffmann', 'Wagner', 'Brandt'] },
  streets: ['Hauptstraße', 'Gartenweg', 'Lindenallee', 'Bahnhofstraße', 'Schillerplatz', 'Am Mühlbach'],
  shopWords: { first: ['Holz', 'Berg', 'Wald', 'Linden', 'Stern', 'Mahl', 'Feld', 'Licht', 'Ketten', 'Eichen'], second: ['werk', 'laden', 'haus', 'manufaktur', 'kontor', 'gut', 'blick'] },
  sku: 'Art.-Nr.',
};

const FR: Phrases = {
  senders: ['commandes', 'noreply', 'boutique', 'service-client'],
  subjects: [
    (n) => `Confirmation de commande n° ${n}`,
    (n) => `Merci pour votre commande ${n}`,
    (n, s) => `${s} : confirmation de votre commande ${n}`,
    (n) => `Votre commande ${n} est confirmée`,
  ],
  headings: ['Merci pour votre commande !', 'Confirmation de commande', 'Votre commande est confirmée'],
  greeting: (f) => `Bonjour ${f},`,
  intros: [
    'nous avons bien reçu votre commande et nous la préparons avec soin. Vous recevrez un e-mail dès son expédition.',
    'merci pour votre confiance. Voici le récapitulatif de votre commande.',
  ],
  orderNo: 'Numéro de commande',
  orderDate: 'Date de commande',
  item: 'Article',
  qty: 'Quantité',
  price: 'Prix',
  subtotal: 'Sous-total',
  shipping: 'Livraison',
  discount: 'Remise',
  taxAdded: 'TVA ({r} %)',
  vatIncluded: 'dont TVA ({r} %)',
  totals: ['Total TTC', 'Montant total', 'Total'],
  shipTo: 'Adresse de livraison',
  billTo: 'Adresse de facturation',
  shippingMethod: 'Mode de livraison',
  shippingMethods: ['Colissimo à domicile', 'Mondial Relay – Point Relais', 'Chronopost 24h', 'bpost'],
  payment: 'Moyen de paiement',
  payments: ['Carte bancaire', 'PayPal', 'Virement bancaire', 'Bancontact'],
  viewOrder: 'Suivre ma commande',
  help: 'Une question ? Répondez à cet e-mail ou écrivez-nous à',
  cancelNote: 'Vous souhaitez modifier votre commande ? Contactez notre service client dans les 24 heures.',
  recommended: 'Vous aimerez aussi',
  shopNow: 'Découvrir',
  unsubscribe: 'Se désinscrire',
  privacy: 'Politique de confidentialité',
  legal: [
    'Droit de rétractation : conformément aux articles L221-18 et suivants du Code de la consommation, vous disposez d’un délai de quatorze jours à compter de la réception de votre colis pour exercer votre droit de rétractation, sans avoir à justifier de motifs.',
    'Les produits doivent être retournés dans leur emballage d’origine, complets et en parfait état. Les frais de retour restent à votre charge, sauf en cas de produit défectueux ou d’erreur de notre part.',
    'Conformément au règlement général sur la protection des données, vous disposez d’un droit d’accès, de rectification et de suppression des données vous concernant. Pour l’exercer, écrivez à notre délégué à la protection des données.',
    'Cet e-mail a été envoyé automatiquement, merci de ne pas y répondre pour toute demande commerciale. Société par actions simplifiée, RCS et numéro de TVA intracommunautaire disponibles dans nos mentions légales.',
  ],
  products: {
    adjectives: ['en lin', 'en céramique', 'bio', 'en noyer', 'en laine mérinos', 'en grès', 'en laiton', 'en coton', 'en bambou', 'vintage'],
    nouns: ['Torchon', 'Tasse', 'Bougie parfumée', 'Planche à découper', 'Bonnet', 'Sac cabas', 'Carnet', 'Cache-pot', 'Plaid', 'Gourde', 'Lampe de bureau'],
  },
  names: { first: ['Camille', 'Léa', 'Hugo', 'Chloé', 'Louis', 'Inès', 'Théo', 'Manon', 'Gabriel', 'Zoé'], last: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Roux', 'Fontaine', 'Chevalier'] },
  streets: ['rue de la République', 'avenue Jean Jaurès', 'boulevard Saint-Michel', 'rue des Lilas', 'place du Marché'],
  shopWords: { first: ['Atelier', 'Maison', 'Comptoir', 'Les Trois', 'Le Petit', 'La Belle'], second: ['Céladon', 'Pélissier', 'Plumes', 'Lin', 'Sel', 'Tisserand', 'Faïence'] },
  sku: 'Réf.',
};

const ES: Phrases = {
  senders: ['pedidos', 'noreply', 'tienda', 'hola'],
  subjects: [
    (n) => `Confirmación de tu pedido ${n}`,
    (n) => `Gracias por tu pedido #${n}`,
    (n, s) => `${s}: confirmación de pedido n.º ${n}`,
    (n) => `Pedido ${n} confirmado`,
  ],
  headings: ['¡Gracias por tu pedido!', 'Confirmación de pedido', 'Hemos recibido tu pedido'],
  greeting: (f) => `Hola ${f}:`,
  intros: [
    'hemos recibido tu pedido y ya lo estamos preparando. Te avisaremos por correo electrónico cuando salga de nuestro almacén.',
    'gracias por comprar con nosotros. A continuación encontrarás el resumen de tu compra.',
  ],
  orderNo: 'Número de pedido',
  orderDate: 'Fecha del pedido',
  item: 'Artículo',
  qty: 'Cantidad',
  price: 'Precio',
  subtotal: 'Subtotal',
  shipping: 'Envío',
  discount: 'Descuento',
  taxAdded: 'IVA ({r} %)',
  vatIncluded: 'IVA incluido ({r} %)',
  totals: ['Total del pedido', 'Importe total', 'Total'],
  shipTo: 'Dirección de envío',
  billTo: 'Dirección de facturación',
  shippingMethod: 'Método de envío',
  shippingMethods: ['Envío estándar (48-72 h)', 'Correos Express', 'SEUR 24h', 'Estafeta'],
  payment: 'Forma de pago',
  payments: ['Tarjeta de crédito', 'PayPal', 'Bizum', 'Transferencia bancaria', 'OXXO'],
  viewOrder: 'Ver mi pedido',
  help: '¿Tienes alguna pregunta? Responde a este correo o escríbenos a',
  cancelNote: 'Si quieres modificar tu pedido, contacta con atención al cliente en las próximas 24 horas.',
  recommended: 'También te puede gustar',
  shopNow: 'Ver producto',
  unsubscribe: 'Darse de baja',
  privacy: 'Política de privacidad',
  legal: [
    'Derecho de desistimiento: dispones de un plazo de catorce días naturales desde la recepción de tu pedido para desistir del contrato sin necesidad de justificación, de acuerdo con la normativa de consumidores vigente.',
    'Los artículos deben devolverse en su embalaje original y en perfecto estado. Los gastos de devolución corren por tu cuenta salvo que el producto sea defectuoso o no corresponda con lo solicitado.',
    'De conformidad con el Reglamento General de Protección de Datos, puedes ejercer tus derechos de acceso, rectificación, supresión y portabilidad escribiendo a nuestro delegado de protección de datos.',
    'Este mensaje se ha generado automáticamente. Los datos registrales de la sociedad y el CIF están disponibles en el aviso legal de nuestra web.',
  ],
  products: {
    adjectives: ['de lino', 'de cerámica', 'ecológico', 'de nogal', 'de lana merino', 'de gres', 'de latón', 'de algodón', 'de bambú', 'artesanal'],
    nouns: ['Paño de cocina', 'Taza', 'Vela aromática', 'Tabla de cortar', 'Gorro', 'Bolsa de tela', 'Cuaderno', 'Maceta', 'Manta', 'Botella', 'Lámpara de escritorio'],
  },
  names: { first: ['Lucía', 'Martín', 'Sofía', 'Hugo', 'Paula', 'Alejandro', 'Carmen', 'Javier', 'Elena', 'Íñigo'], last: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Núñez', 'Ruiz', 'Ortega'] },
  streets: ['Calle Mayor', 'Avenida de la Constitución', 'Calle del Sol', 'Paseo de Gracia', 'Calle Alcalá'],
  shopWords: { first: ['Casa', 'La Tienda de', 'Taller', 'El Rincón de', 'Mercado'], second: ['Olivo', 'Barro', 'Lana', 'Azahar', 'Esparto', 'Alba'] },
  sku: 'Ref.',
};

const IT: Phrases = {
  senders: ['ordini', 'noreply', 'negozio', 'info'],
  subjects: [
    (n) => `Conferma d'ordine n. ${n}`,
    (n) => `Grazie per il tuo ordine #${n}`,
    (n, s) => `${s} - Conferma ordine ${n}`,
    (n) => `Ordine ${n} confermato`,
  ],
  headings: ['Grazie per il tuo ordine!', "Conferma d'ordine", 'Abbiamo ricevuto il tuo ordine'],
  greeting: (f) => `Ciao ${f},`,
  intros: [
    'abbiamo ricevuto il tuo ordine e lo stiamo preparando. Ti invieremo una e-mail non appena verrà affidato al corriere.',
    'grazie per aver acquistato da noi. Di seguito trovi il riepilogo del tuo ordine.',
  ],
  orderNo: 'Numero ordine',
  orderDate: 'Data ordine',
  item: 'Articolo',
  qty: 'Quantità',
  price: 'Prezzo',
  subtotal: 'Subtotale',
  shipping: 'Spedizione',
  discount: 'Sconto',
  taxAdded: 'IVA ({r}%)',
  vatIncluded: 'di cui IVA ({r}%)',
  totals: ['Totale ordine', 'Importo totale', 'Totale'],
  shipTo: 'Indirizzo di spedizione',
  billTo: 'Indirizzo di fatturazione',
  shippingMethod: 'Metodo di spedizione',
  shippingMethods: ['Corriere espresso BRT', 'Poste Italiane', 'GLS Standard', 'SDA'],
  payment: 'Metodo di pagamento',
  payments: ['Carta di credito', 'PayPal', 'Bonifico bancario', 'Satispay', 'Contrassegno'],
  viewOrder: 'Visualizza il tuo ordine',
  help: 'Hai domande? Rispondi a questa e-mail o scrivici a',
  cancelNote: 'Vuoi modificare il tuo ordine? Contatta il servizio clienti entro 24 ore.',
  recommended: 'Potrebbe piacerti anche',
  shopNow: 'Scopri',
  unsubscribe: 'Annulla iscrizione',
  privacy: 'Informativa sulla privacy',
  legal: [
    'Diritto di recesso: hai diritto di recedere dal contratto, senza indicarne le ragioni, entro quattordici giorni dal giorno in cui tu o un terzo da te designato acquisite il possesso fisico dei beni, ai sensi del Codice del Consumo.',
    'I prodotti devono essere restituiti integri, nella confezione originale e completi di tutti gli accessori. Le spese di restituzione sono a tuo carico salvo prodotti difettosi.',
    'Ai sensi del Regolamento UE 2016/679 puoi esercitare i diritti di accesso, rettifica e cancellazione dei tuoi dati personali scrivendo al nostro responsabile della protezione dei dati.',
    'Questa e-mail è stata generata automaticamente. Ragione sociale, partita IVA e sede legale sono indicate nelle note legali del nostro sito.',
  ],
  products: {
    adjectives: ['in lino', 'in ceramica', 'bio', 'in noce', 'in lana merino', 'in gres', 'in ottone', 'in cotone', 'in bambù', 'artigianale'],
    nouns: ['Strofinaccio', 'Tazza', 'Candela profumata', 'Tagliere', 'Berretto', 'Borsa shopper', 'Quaderno', 'Vaso', 'Plaid', 'Borraccia', 'Lampada da scrivania'],
  },
  names: { first: ['Giulia', 'Marco', 'Chiara', 'Luca', 'Francesca', 'Niccolò', 'Sara', 'Matteo', 'Alessia', 'Davide'], last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Galli'] },
  streets: ['Via Roma', 'Corso Vittorio Emanuele', 'Via Garibaldi', 'Piazza del Duomo', 'Via dei Mille'],
  shopWords: { first: ['Bottega', 'Casa', 'Officina', 'La Via del', 'Il Borgo'], second: ['Lino', 'Ulivo', 'Terracotta', 'Carta', 'Sole', 'Lana'] },
  sku: 'Cod.',
};

const NL: Phrases = {
  senders: ['bestellingen', 'noreply', 'winkel', 'klantenservice'],
  subjects: [
    (n) => `Orderbevestiging ${n}`,
    (n) => `Bedankt voor je bestelling #${n}`,
    (n, s) => `${s} | Orderbevestiging bestelling ${n}`,
    (n) => `Bestelling ${n} is bevestigd`,
  ],
  headings: ['Bedankt voor je bestelling!', 'Orderbevestiging', 'We hebben je bestelling ontvangen'],
  greeting: (f) => `Hoi ${f},`,
  intros: [
    'we hebben je bestelling ontvangen en gaan er meteen mee aan de slag. Je ontvangt een e-mail zodra je pakket onderweg is.',
    'bedankt voor je aankoop. Hieronder vind je een overzicht van je bestelling.',
  ],
  orderNo: 'Bestelnummer',
  orderDate: 'Besteldatum',
  item: 'Artikel',
  qty: 'Aantal',
  price: 'Prijs',
  subtotal: 'Subtotaal',
  shipping: 'Verzendkosten',
  discount: 'Korting',
  taxAdded: 'btw ({r}%)',
  vatIncluded: 'waarvan btw ({r}%)',
  totals: ['Totaalbedrag', 'Totaal'],
  shipTo: 'Bezorgadres',
  billTo: 'Factuuradres',
  shippingMethod: 'Verzendmethode',
  shippingMethods: ['PostNL standaard', 'DHL Parcel', 'DPD Home', 'bpost'],
  payment: 'Betaalmethode',
  payments: ['iDEAL', 'Bancontact', 'PayPal', 'Creditcard', 'Achteraf betalen (Klarna)'],
  viewOrder: 'Bekijk je bestelling',
  help: 'Vragen? Beantwoord deze e-mail of mail ons op',
  cancelNote: 'Wil je iets wijzigen? Neem binnen 24 uur contact op met onze klantenservice.',
  recommended: 'Misschien vind je dit ook leuk',
  shopNow: 'Bekijk',
  unsubscribe: 'Afmelden',
  privacy: 'Privacyverklaring',
  legal: [
    'Herroepingsrecht: je hebt het recht om binnen veertien dagen zonder opgave van redenen de overeenkomst te ontbinden. De herroepingstermijn verstrijkt veertien dagen na de dag waarop jij of een door jou aangewezen derde het product fysiek in bezit krijgt.',
    'Retourneer artikelen ongebruikt en in de originele verpakking. De kosten voor het terugsturen zijn voor eigen rekening, tenzij het artikel beschadigd of verkeerd geleverd is.',
    'Wij verwerken je persoonsgegevens volgens de Algemene verordening gegevensbescherming. Je kunt je gegevens inzien, laten corrigeren of laten verwijderen via onze functionaris voor gegevensbescherming.',
    'Deze e-mail is automatisch verstuurd. KvK-nummer en btw-identificatienummer vind je in de algemene voorwaarden op onze website.',
  ],
  products: {
    adjectives: ['Linnen', 'Keramieken', 'Biologische', 'Notenhouten', 'Merinowollen', 'Stenen', 'Messing', 'Katoenen', 'Bamboe', 'Vintage'],
    nouns: ['theedoek', 'koffiemok', 'geurkaars', 'snijplank', 'muts', 'draagtas', 'notitieboek', 'bloempot', 'plaid', 'drinkfles', 'bureaulamp'],
  },
  names: { first: ['Sanne', 'Daan', 'Lotte', 'Bram', 'Fleur', 'Jesse', 'Eva', 'Thijs', 'Noor', 'Ruben'], last: ['de Vries', 'Jansen', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'de Boer', 'Mulder', 'Peeters', 'Maes'] },
  streets: ['Kerkstraat', 'Dorpsstraat', 'Stationsweg', 'Molenlaan', 'Prinsengracht'],
  shopWords: { first: ['Het Houten', 'De Groene', 'Zilver', 'Duin', 'Polder', 'Tulp'], second: ['Huis', 'Winkel', 'Atelier', 'Loods', 'Kamer'] },
  sku: 'Art.nr.',
};

export const PHRASES: Record<Lang, Phrases> = { en: EN, de: DE, fr: FR, es: ES, it: IT, nl: NL };
