// The HTML of an order confirmation, in seven layouts after the shop systems and mailers that
// write most of them: Shopify, WooCommerce, Magento, a marketplace, a designed brand email, an
// ERP's order acknowledgement and a small shop's own mailer.
import { escapeHtml } from '../escape-html.js';
import type { Rng } from '../rng.js';
import { money, printedDate, tracked } from './format.js';
import { addressBlock, commonText, FONT, itemsText, totalsRows, totalsText, type Rendered } from './layout-parts.js';
import type { Order } from './order.js';

export const LAYOUTS = ['storefront', 'woo', 'magento', 'marketplace', 'boutique', 'invoice', 'minimal'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export const LAYOUT_RENDER: Record<LayoutName, (o: Order, rng: Rng) => Rendered> = {
  // Shopify-style: logo, order number top right, item rows with thumbnails, summary, customer info.
  storefront(o, rng) {
    const t = o.t;
    const heading = rng.pick(t.headings);
    const items = o.lines.map((l) => `
<tr class="order-list__item"><td class="order-list__item__cell">
<table><tr><td><img src="${l.image}" align="left" width="60" height="60" class="order-list__product-image"></td>
<td class="order-list__product-description-cell" style="width:100%"><span class="order-list__item-title">${escapeHtml(l.name)}&nbsp;&times;&nbsp;${l.qty}</span><br>
${l.variant ? `<span class="order-list__item-variant">${escapeHtml(l.variant)}</span>` : ''}</td>
<td class="order-list__price-cell"><p class="order-list__item-price">${money(o, l.lineCents)}</p></td></tr></table>
</td></tr>`).join('');
    const row = (label: string, value: string, strong = false) => `
<tr class="subtotal-line"><td class="subtotal-line__title"><p><span>${escapeHtml(label)}</span></p></td>
<td class="subtotal-line__value">${strong ? `<strong>${value} ${o.market.currency}</strong>` : `<strong>${value}</strong>`}</td></tr>`;
    const css = `body,.body{${FONT};margin:0;padding:0}.container{width:560px;text-align:left;margin:0 auto}.order-list__item{width:100%}.order-list__item__cell{padding-top:15px;border-top:1px solid #e5e5e5}.order-list__product-image{margin-right:15px;border:1px solid #e5e5e5;border-radius:8px}.order-list__item-title{font-size:16px;font-weight:600;line-height:1.4;color:#555}.order-list__item-variant{font-size:14px;color:#999}.order-list__price-cell{white-space:nowrap}.subtotal-line__title{padding:2px 0}.subtotal-line__value{text-align:right}.button__cell{background:#1990C6;border-radius:4px;padding:20px 25px;text-align:center}a.button__text{font-size:16px;text-decoration:none;color:#fff}@media (max-width:600px){.container{width:94%!important}.main-action-cell{float:none!important;margin-right:0!important}}`;
    const html = (filler: string) => `<!DOCTYPE html>
<html lang="${o.market.lang}"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(heading)}</title><style>${css}</style></head>
<body><table class="body"><tr><td>
<table class="header row"><tr><td class="header__cell"><center><table class="container"><tr><td>
<table class="row"><tr><td class="shop-name__cell"><img src="https://cdn.${o.shop.domain}/files/logo_${rng.hex(8)}.png" alt="${escapeHtml(o.shop.name)}" width="180"></td>
<td class="order-number__cell"><span class="order-number__text">#${escapeHtml(o.number)}</span></td></tr></table>
</td></tr></table></center></td></tr></table>
<table class="row content"><tr><td class="content__cell"><center><table class="container"><tr><td>
<h2>${escapeHtml(heading)}</h2>
<p>${escapeHtml(t.greeting(o.customer.first))} ${escapeHtml(rng.pick(t.intros))}</p>
<p>${escapeHtml(t.orderNo)}: #${escapeHtml(o.number)}<br>${escapeHtml(t.orderDate)}: ${escapeHtml(printedDate(o))}</p>
<table class="row actions"><tr><td class="button__cell"><a href="${tracked(o, rng, `https://${o.shop.domain}/account/orders/${o.number}`)}" class="button__text">${escapeHtml(t.viewOrder)}</a></td></tr></table>
<p>${escapeHtml(t.cancelNote)}</p>
</td></tr></table></center></td></tr></table>
<table class="row section"><tr><td class="section__cell"><center><table class="container"><tr><td>
<h3>Order summary</h3>
<table class="row"><tr><td><table class="order-list">${items}</table>
<table class="row subtotal-lines"><tr><td class="subtotal-spacer"></td><td><table class="row subtotal-table">${totalsRows(o, row)}</table></td></tr></table>
</td></tr></table></td></tr></table></center></td></tr></table>
<table class="row section"><tr><td class="section__cell"><center><table class="container"><tr><td>
<h3>Customer information</h3>
<table class="row"><tr><td class="customer-info__item"><h4>${escapeHtml(t.shipTo)}</h4><p>${addressBlock(o)}</p></td>
<td class="customer-info__item"><h4>${escapeHtml(t.billTo)}</h4><p>${addressBlock(o)}</p></td></tr>
<tr><td class="customer-info__item"><h4>${escapeHtml(t.shippingMethod)}</h4><p>${escapeHtml(o.shippingMethod)}</p></td>
<td class="customer-info__item"><h4>${escapeHtml(t.payment)}</h4><p>${escapeHtml(o.payment)}</p></td></tr></table>
</td></tr></table></center></td></tr></table>
${filler}
<table class="row footer"><tr><td class="footer__cell"><center><table class="container"><tr><td>
<p class="disclaimer__subtext">${escapeHtml(t.help)} <a href="mailto:support@${o.shop.domain}">support@${o.shop.domain}</a></p>
</td></tr></table></center></td></tr></table>
<img src="https://${o.shop.domain}/tools/emails/open/${rng.hex(32)}.gif" alt="" width="1" height="1">
</td></tr></table></body></html>`;
    return { html, text: (filler) => commonText(o, rng, heading, filler) };
  },

  // WooCommerce-style: emogrifier-inlined styles everywhere, "[Order #n] (date)" heading, bordered table.
  woo(o, rng) {
    const t = o.t;
    const heading = rng.pick(t.headings);
    const td = 'style="color:#636363;border:1px solid #e5e5e5;vertical-align:middle;padding:12px;text-align:left"';
    const items = o.lines.map((l) => `
<tr class="order_item"><td class="td" ${td}>${escapeHtml(l.name)}${l.variant ? `<ul class="wc-item-meta" style="font-size:small;margin:1em 0 0;padding:0;list-style:none"><li style="margin:0.5em 0 0;padding:0"><strong class="wc-item-meta-label" style="float:left;margin-right:.25em;clear:both">Variant:</strong> <p style="margin:0">${escapeHtml(l.variant)}</p></li></ul>` : ''}</td>
<td class="td" ${td}>${l.qty}</td><td class="td" ${td}><span class="woocommerce-Price-amount amount"><bdi>${money(o, l.lineCents)}</bdi></span></td></tr>`).join('');
    const row = (label: string, value: string) => `
<tr><th class="td" scope="row" colspan="2" ${td}>${escapeHtml(label)}:</th><td class="td" ${td}><span class="woocommerce-Price-amount amount">${value}</span></td></tr>`;
    const html = (filler: string) => `<!DOCTYPE html>
<html lang="${o.market.locale}"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta content="width=device-width, initial-scale=1.0" name="viewport"><title>${escapeHtml(o.shop.name)}</title></head>
<body leftmargin="0" marginwidth="0" topmargin="0" marginheight="0" offset="0" style="padding:0;background-color:#f7f7f7">
<table width="100%" id="outer_wrapper" style="background-color:#f7f7f7"><tr><td></td><td width="600">
<div id="wrapper" dir="ltr" style="margin:0 auto;padding:70px 0;width:100%;max-width:600px">
<table border="0" cellpadding="0" cellspacing="0" height="100%" width="100%"><tr><td align="center" valign="top">
<div id="template_header_image"><p style="margin-top:0"><img src="https://${o.shop.domain}/wp-content/uploads/2025/03/logo-${rng.hex(6)}.png" alt="${escapeHtml(o.shop.name)}" style="border:none;display:inline-block;font-size:14px;font-weight:bold;height:auto;outline:none;text-decoration:none;text-transform:capitalize;vertical-align:middle;max-width:100%;margin-left:0;margin-right:0"></p></div>
<table border="0" cellpadding="0" cellspacing="0" width="100%" id="template_container" style="background-color:#fff;border:1px solid #dedede;box-shadow:0 1px 4px rgba(0,0,0,.1);border-radius:3px">
<tr><td align="center" valign="top"><table border="0" cellpadding="0" cellspacing="0" width="100%" id="template_header" style="background-color:#7f54b3;color:#fff;border-bottom:0;font-weight:bold;line-height:100%;vertical-align:middle;${FONT};border-radius:3px 3px 0 0">
<tr><td id="header_wrapper" style="padding:36px 48px;display:block"><h1 style="${FONT};font-size:30px;font-weight:300;line-height:150%;margin:0;text-align:left;text-shadow:0 1px 0 #9976c2;color:#fff;background-color:inherit">${escapeHtml(heading)}</h1></td></tr></table></td></tr>
<tr><td align="center" valign="top"><table border="0" cellpadding="0" cellspacing="0" width="100%" id="template_body"><tr><td valign="top" id="body_content" style="background-color:#fff">
<table border="0" cellpadding="20" cellspacing="0" width="100%"><tr><td valign="top" style="padding:48px 48px 32px">
<div id="body_content_inner" style="color:#636363;${FONT};font-size:14px;line-height:150%;text-align:left">
<p style="margin:0 0 16px">${escapeHtml(t.greeting(o.customer.first))}</p>
<p style="margin:0 0 16px">${escapeHtml(rng.pick(t.intros))}</p>
<h2 style="color:#7f54b3;display:block;${FONT};font-size:18px;font-weight:bold;line-height:130%;margin:0 0 18px;text-align:left">[${escapeHtml(t.orderNo)} #${escapeHtml(o.number)}] (${escapeHtml(printedDate(o))})</h2>
<div style="margin-bottom:40px"><table class="td" cellspacing="0" cellpadding="6" border="1" style="color:#636363;border:1px solid #e5e5e5;vertical-align:middle;width:100%;${FONT}">
<thead><tr><th class="td" scope="col" ${td}>${escapeHtml(t.item)}</th><th class="td" scope="col" ${td}>${escapeHtml(t.qty)}</th><th class="td" scope="col" ${td}>${escapeHtml(t.price)}</th></tr></thead>
<tbody>${items}</tbody><tfoot>${totalsRows(o, row)}${row(t.payment, escapeHtml(o.payment))}</tfoot></table></div>
<table id="addresses" cellspacing="0" cellpadding="0" border="0" style="width:100%;vertical-align:top;margin-bottom:40px;padding:0"><tr>
<td valign="top" width="50%" style="text-align:left;${FONT};border:0;padding:0"><h2 style="color:#7f54b3;font-size:18px">${escapeHtml(t.billTo)}</h2><address class="address" style="padding:12px;color:#636363;border:1px solid #e5e5e5">${addressBlock(o)}<br><a href="mailto:${o.customer.email}">${o.customer.email}</a></address></td>
<td valign="top" width="50%" style="text-align:left;${FONT};padding:0"><h2 style="color:#7f54b3;font-size:18px">${escapeHtml(t.shipTo)}</h2><address class="address" style="padding:12px;color:#636363;border:1px solid #e5e5e5">${addressBlock(o)}</address></td></tr></table>
<p style="margin:0 0 16px">${escapeHtml(t.cancelNote)}</p>
${filler}
</div></td></tr></table></td></tr></table></td></tr></table></td></tr></table>
<table border="0" cellpadding="10" cellspacing="0" width="100%" id="template_footer"><tr><td valign="top" style="padding:0;border-radius:6px"><table border="0" cellpadding="10" cellspacing="0" width="100%"><tr><td colspan="2" valign="middle" id="credit" style="border-radius:6px;border:0;color:#8a8a8a;${FONT};font-size:12px;line-height:150%;text-align:center;padding:24px 0">
<p style="margin:0 0 16px">${escapeHtml(o.shop.name)} — <a href="https://${o.shop.domain}/">${o.shop.domain}</a></p></td></tr></table></td></tr></table>
</div></td><td></td></tr></table></body></html>`;
    return { html, text: (filler) => commonText(o, rng, heading, filler) };
  },

  // Magento-style: "Your Order #000012345", placed-on line, address columns, SKU column, Grand Total.
  magento(o, rng) {
    const t = o.t;
    const heading = rng.pick(t.headings);
    const items = o.lines.map((l) => `
<tbody><tr><td class="item-info" style="${FONT};vertical-align:top;padding:10px;border-top:1px solid #ccc"><p class="product-name" style="margin-top:0;margin-bottom:5px;font-weight:700">${escapeHtml(l.name)}</p><p class="sku" style="margin-top:0;margin-bottom:0">${escapeHtml(t.sku)}: ${escapeHtml(l.sku)}</p>${l.variant ? `<dl class="item-options"><dt>Option</dt><dd>${escapeHtml(l.variant)}</dd></dl>` : ''}</td>
<td class="item-qty" style="${FONT};vertical-align:top;padding:10px;text-align:center;border-top:1px solid #ccc">${l.qty}</td>
<td class="item-price" style="${FONT};vertical-align:top;padding:10px;text-align:right;border-top:1px solid #ccc"><span class="price">${money(o, l.lineCents)}</span></td></tr></tbody>`).join('');
    const row = (label: string, value: string, strong = false) => `
<tr class="${strong ? 'grand_total' : 'subtotal'}"><th colspan="2" scope="row" style="${FONT};text-align:right;padding:5px 10px;background-color:#f2f2f2">${strong ? `<strong>${escapeHtml(label)}</strong>` : escapeHtml(label)}</th><td data-th="${escapeHtml(label)}" style="${FONT};text-align:right;padding:5px 10px;background-color:#f2f2f2">${strong ? `<strong><span class="price">${value}</span></strong>` : `<span class="price">${value}</span>`}</td></tr>`;
    const padded = /^\d+$/.test(o.number) ? o.number.padStart(9, '0') : o.number;
    const html = (filler: string) => `<!doctype html>
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="viewport" content="initial-scale=1.0, width=device-width"><style type="text/css">
body{margin:0;padding:0}img{border:0;height:auto;line-height:100%;outline:none;text-decoration:none}table td{border-collapse:collapse}.wrapper{width:100%}.main{max-width:660px;margin:0 auto;text-align:left}.header{padding:25px}.order-details{width:100%}.order-details .address-details{padding-bottom:25px}.email-items{width:100%}.email-items th{padding:10px;text-align:left}@media only screen and (max-width:639px){.main{width:100%!important}.order-details .address-details,.order-details .method-info{display:block;width:100%!important}}
</style></head>
<body><table class="wrapper" width="100%"><tr><td class="wrapper-inner" align="center"><table class="main" align="center">
<tr><td class="header"><a class="logo" href="${tracked(o, rng, `https://${o.shop.domain}/`)}"><img width="180" height="52" src="https://${o.shop.domain}/static/frontend/Theme/default/${o.market.locale.replace('-', '_')}/images/logo_email.png" alt="${escapeHtml(o.shop.name)}" border="0"></a></td></tr>
<tr><td class="main-content">
<table><tr class="email-intro"><td><p class="greeting">${escapeHtml(t.greeting(`${o.customer.first} ${o.customer.last}`))}</p>
<p>${escapeHtml(rng.pick(t.intros))} <a href="${tracked(o, rng, `https://${o.shop.domain}/customer/account/`)}">${escapeHtml(t.viewOrder)}</a>.</p>
<p>${escapeHtml(t.help)} <a href="mailto:support@${o.shop.domain}">support@${o.shop.domain}</a>.</p></td></tr>
<tr class="email-summary"><td><h1>${escapeHtml(heading)} <span class="no-link">#${escapeHtml(padded)}</span></h1>
<p>${escapeHtml(t.orderDate)}: <span class="no-link">${escapeHtml(printedDate(o))}</span></p></td></tr>
<tr class="email-information"><td><table class="order-details"><tr>
<td class="address-details"><h3>${escapeHtml(t.billTo)}</h3><p>${addressBlock(o)}</p></td><td class="address-details"><h3>${escapeHtml(t.shipTo)}</h3><p>${addressBlock(o)}</p></td></tr>
<tr><td class="method-info"><h3>${escapeHtml(t.payment)}</h3><dl class="payment-method"><dt class="title">${escapeHtml(o.payment)}</dt></dl></td>
<td class="method-info"><h3>${escapeHtml(t.shippingMethod)}</h3><p>${escapeHtml(o.shippingMethod)}</p></td></tr></table>
<table class="email-items"><thead><tr><th class="item-info">${escapeHtml(t.item)}</th><th class="item-qty">${escapeHtml(t.qty)}</th><th class="item-price">${escapeHtml(t.price)}</th></tr></thead>
${items}
<tfoot class="order-totals">${totalsRows(o, row)}</tfoot></table>
</td></tr></table>
${filler}
</td></tr>
<tr><td class="footer"><table><tr><td><p class="closing">${escapeHtml(o.shop.name)}</p></td><td><p><a href="https://${o.shop.domain}/privacy-policy">${escapeHtml(t.privacy)}</a></p></td></tr></table></td></tr>
</table></td></tr></table></body></html>`;
    return { html, text: (filler) => commonText(o, rng, `${heading} #${padded}`, filler) };
  },

  // Marketplace-style: terse confirmation, then a long tail of recommendations and tracking links.
  marketplace(o, rng) {
    const t = o.t;
    const heading = rng.pick(t.headings);
    const items = o.lines.map((l) => `
<tr><td style="width:90px;padding:8px 0"><a href="${tracked(o, rng, l.url)}"><img src="${l.image}" width="80" height="80" alt="${escapeHtml(l.name)}" style="border:0"></a></td>
<td style="padding:8px 12px;font-size:14px;line-height:20px"><a href="${tracked(o, rng, l.url)}" style="color:#0066c0;text-decoration:none">${escapeHtml(l.name)}</a><br><span style="color:#565959">${escapeHtml(t.qty)}: ${l.qty}</span><br><span style="color:#565959">Sold by: ${escapeHtml(o.shop.name)}</span></td>
<td style="padding:8px 0;text-align:right;font-size:14px;white-space:nowrap"><b>${money(o, l.lineCents)}</b></td></tr>`).join('');
    const row = (label: string, value: string, strong = false) => `
<tr><td style="font-size:14px;padding:2px 0;${strong ? 'font-weight:bold;border-top:1px solid #ddd;padding-top:8px' : ''}">${escapeHtml(label)}:</td><td style="font-size:14px;text-align:right;${strong ? 'font-weight:bold;border-top:1px solid #ddd;padding-top:8px' : ''}">${value}</td></tr>`;
    const html = (filler: string) => `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0;padding:0;background:#fff;font-family:Arial,sans-serif;color:#0f1111">
<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(heading)} ${escapeHtml(t.orderNo)} ${escapeHtml(o.number)}&#8199;&#65279;&#847;&#8199;&#65279;&#847;&#8199;&#65279;&#847;&#8199;&#65279;&#847;</div>
<table width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="center"><table width="640" cellpadding="0" cellspacing="0" border="0" style="max-width:640px">
<tr><td style="padding:14px 18px;border-bottom:4px solid #ff9900"><a href="${tracked(o, rng, `https://${o.shop.domain}/`)}"><img src="https://m.media.${o.shop.domain}/images/G/01/x-locale/common/logo._CB${rng.int(1e8, 9e8)}_.png" width="110" alt="${escapeHtml(o.shop.name)}" border="0"></a>
<span style="float:right;font-size:20px;color:#565959">${escapeHtml(t.orderNo)}</span></td></tr>
<tr><td style="padding:18px"><h1 style="font-size:24px;font-weight:normal;margin:0 0 8px">${escapeHtml(heading)}</h1>
<p style="font-size:14px;margin:0 0 4px">${escapeHtml(t.greeting(o.customer.first))}</p><p style="font-size:14px;margin:0 0 12px">${escapeHtml(rng.pick(t.intros))}</p>
<table width="100%" style="background:#f0f2f2;border-radius:8px;padding:12px"><tr><td style="font-size:14px">${escapeHtml(t.orderNo)}: <b><a href="${tracked(o, rng, `https://${o.shop.domain}/gp/your-account/order-details?orderID=${o.number}`)}" style="color:#0066c0">#${escapeHtml(o.number)}</a></b><br>${escapeHtml(t.orderDate)}: ${escapeHtml(printedDate(o))}<br>${escapeHtml(t.shipTo)}: ${escapeHtml(o.customer.first)} ${escapeHtml(o.customer.last)}, ${escapeHtml(o.customer.city)}</td>
<td style="text-align:right"><a href="${tracked(o, rng, `https://${o.shop.domain}/gp/your-account/order-details?orderID=${o.number}`)}" style="display:inline-block;background:#ffd814;border-radius:20px;padding:8px 16px;color:#0f1111;text-decoration:none;font-size:13px">${escapeHtml(t.viewOrder)}</a></td></tr></table>
<table width="100%" cellpadding="0" cellspacing="0" style="margin-top:14px">${items}</table>
<table width="100%" cellpadding="0" cellspacing="0" style="margin-top:10px">${totalsRows(o, row)}</table>
<p style="font-size:12px;color:#565959;margin-top:14px">${escapeHtml(t.cancelNote)}</p>
</td></tr>
<tr><td style="padding:0 18px">${filler}</td></tr>
<tr><td style="padding:18px;font-size:11px;color:#565959;border-top:1px solid #ddd">${escapeHtml(t.help)} support@${o.shop.domain}<br><a href="${tracked(o, rng, `https://${o.shop.domain}/gp/help/customer/display.html`)}" style="color:#0066c0">Help</a> | <a href="https://${o.shop.domain}/privacy" style="color:#0066c0">${escapeHtml(t.privacy)}</a><br>
<img width="1" height="1" src="https://www.${o.shop.domain}/gp/r.html?C=${rng.hex(16).toUpperCase()}&amp;M=urn:rtn:msg:${rng.int(1e13, 9e13)}&amp;R=${rng.hex(12).toUpperCase()}&amp;T=O&amp;U=${rng.b64(60, true)}" alt=""></td></tr>
</table></td></tr></table></body></html>`;
    return { html, text: (filler) => commonText(o, rng, heading, filler) };
  },

  // A designed brand email: hero image, big responsive <style>, schema.org Order in JSON-LD.
  boutique(o, rng) {
    const t = o.t;
    const heading = rng.pick(t.headings);
    const iso = new Date(o.placedMs).toISOString().replace('.000Z', 'Z');
    const jsonLd = JSON.stringify({
      '@context': 'http://schema.org', '@type': 'Order',
      merchant: { '@type': 'Organization', name: o.shop.name },
      orderNumber: o.number, orderDate: iso, orderStatus: 'http://schema.org/OrderProcessing',
      priceCurrency: o.market.currency, price: (o.totalCents / 100).toFixed(2),
      acceptedOffer: o.lines.map((l) => ({ '@type': 'Offer', itemOffered: { '@type': 'Product', name: l.name, sku: l.sku }, price: (l.unitCents / 100).toFixed(2), priceCurrency: o.market.currency, eligibleQuantity: { '@type': 'QuantitativeValue', value: l.qty } })),
      url: `https://${o.shop.domain}/account/orders/${o.number}`,
    }, null, 1);
    const items = o.lines.map((l) => `
<tr><td class="mob-stack" style="padding:16px 0;border-bottom:1px solid #ece7e1" width="96"><img src="${l.image}" width="80" style="display:block;border-radius:4px"></td>
<td class="mob-stack" style="padding:16px;border-bottom:1px solid #ece7e1;font:15px/22px Georgia,serif;color:#2b2b2b">${escapeHtml(l.name)}<br><span style="font:12px/18px ${FONT.slice(12)};color:#8c8279;letter-spacing:.04em;text-transform:uppercase">${escapeHtml(l.variant || l.sku)} · ${escapeHtml(t.qty)} ${l.qty}</span></td>
<td style="padding:16px 0;border-bottom:1px solid #ece7e1;text-align:right;font:15px/22px Georgia,serif">${money(o, l.lineCents)}</td></tr>`).join('');
    const row = (label: string, value: string, strong = false) => `
<tr><td style="padding:6px 0;font:${strong ? 'bold 17px' : '14px'}/22px Georgia,serif;color:#2b2b2b">${escapeHtml(label)}</td><td style="padding:6px 0;text-align:right;font:${strong ? 'bold 17px' : '14px'}/22px Georgia,serif">${value}</td></tr>`;
    let css = '';
    for (const bp of [480, 600, 720]) {
      css += `@media only screen and (max-width:${bp}px){.wrap{width:100%!important}.mob-stack{display:block!important;width:100%!important}.hero img{width:100%!important;height:auto!important}.pad{padding-left:${Math.round(bp / 40)}px!important;padding-right:${Math.round(bp / 40)}px!important}.h1{font-size:${Math.round(bp / 24)}px!important;line-height:1.2!important}}\n`;
    }
    const html = (filler: string) => `<!DOCTYPE html>
<html lang="${o.market.lang}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta charset="utf-8"><meta name="x-apple-disable-message-reformatting"><meta name="viewport" content="width=device-width,initial-scale=1">
<!--[if mso]><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml><![endif]-->
<script type="application/ld+json">${jsonLd}</script>
<style>:root{color-scheme:light dark}body{margin:0;padding:0;word-spacing:normal;background:#f6f2ee}a{color:#8a5a44}.wrap{width:600px}
${css}@media (prefers-color-scheme:dark){body,.bg{background:#1c1a19!important}.card{background:#262321!important;color:#eee!important}}</style></head>
<body class="bg" style="margin:0;padding:0;background:#f6f2ee">
<div role="article" aria-roledescription="email" lang="${o.market.lang}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 0">
<table role="presentation" class="wrap card" width="600" cellpadding="0" cellspacing="0" style="background:#fff">
<tr><td class="hero" style="padding:0"><a href="${tracked(o, rng, `https://${o.shop.domain}/`)}"><img src="https://${o.shop.domain}/cdn/email/hero-${rng.hex(10)}.jpg" width="600" height="280" alt="${escapeHtml(o.shop.name)}" style="display:block;width:600px;height:auto;border:0"></a></td></tr>
<tr><td class="pad" style="padding:40px 48px 8px"><h1 class="h1" style="margin:0 0 12px;font:normal 30px/36px Georgia,serif;color:#2b2b2b">${escapeHtml(heading)}</h1>
<p style="margin:0 0 8px;font:15px/24px Georgia,serif;color:#4a4440">${escapeHtml(t.greeting(o.customer.first))}</p><p style="margin:0 0 20px;font:15px/24px Georgia,serif;color:#4a4440">${escapeHtml(rng.pick(t.intros))}</p>
<p style="margin:0;font:13px/20px Arial,sans-serif;letter-spacing:.08em;text-transform:uppercase;color:#8c8279">${escapeHtml(t.orderNo)} <b style="color:#2b2b2b">${escapeHtml(o.number)}</b> · ${escapeHtml(printedDate(o))}</p></td></tr>
<tr><td class="pad" style="padding:8px 48px"><table role="presentation" width="100%" cellpadding="0" cellspacing="0">${items}</table></td></tr>
<tr><td class="pad" style="padding:8px 48px 24px"><table role="presentation" width="100%" cellpadding="0" cellspacing="0">${totalsRows(o, row)}</table></td></tr>
<tr><td class="pad" style="padding:0 48px 32px;text-align:center"><a href="${tracked(o, rng, `https://${o.shop.domain}/account/orders/${o.number}`)}" style="display:inline-block;padding:14px 32px;background:#2b2b2b;color:#fff;font:bold 13px/1 Arial,sans-serif;letter-spacing:.12em;text-transform:uppercase;text-decoration:none">${escapeHtml(t.viewOrder)}</a></td></tr>
<tr><td class="pad" style="padding:0 48px 24px;font:13px/20px Arial,sans-serif;color:#4a4440">${escapeHtml(t.cancelNote)}<br>${escapeHtml(t.help)} <a href="mailto:hello@${o.shop.domain}">hello@${o.shop.domain}</a></td></tr>
<tr><td class="pad" style="padding:0 48px 24px">${filler}</td></tr>
<tr><td style="padding:24px 48px;background:#efe9e3;text-align:center;font:11px/18px Arial,sans-serif;color:#8c8279">
<a href="${tracked(o, rng, 'https://instagram.com/')}"><img src="https://${o.shop.domain}/cdn/email/ig.png" width="24" alt="Instagram"></a> <a href="${tracked(o, rng, 'https://pinterest.com/')}"><img src="https://${o.shop.domain}/cdn/email/pin.png" width="24" alt="Pinterest"></a><br>
${escapeHtml(o.shop.name)} · <a href="https://${o.shop.domain}/unsubscribe?u=${rng.b64(32, true)}">${escapeHtml(t.unsubscribe)}</a> · <a href="https://${o.shop.domain}/privacy">${escapeHtml(t.privacy)}</a></td></tr>
</table></td></tr></table></div></body></html>`;
    return { html, text: (filler) => commonText(o, rng, heading, filler) };
  },

  // ERP/B2B-style order acknowledgement: net, VAT and gross columns, legal block; always with a PDF.
  invoice(o, rng) {
    const t = o.t;
    const heading = rng.pick(t.headings);
    const cell = 'style="border:1px solid #999;padding:3px 6px;font:12px Arial,Helvetica,sans-serif"';
    const num = 'style="border:1px solid #999;padding:3px 6px;font:12px Arial,Helvetica,sans-serif;text-align:right"';
    const items = o.lines.map((l, i) => `
<tr><td ${num}>${i + 1}</td><td ${cell}>${escapeHtml(l.sku)}</td><td ${cell}>${escapeHtml(l.name)}${l.variant ? ` – ${escapeHtml(l.variant)}` : ''}</td><td ${num}>${l.qty}</td><td ${num}>${money(o, l.unitCents)}</td><td ${num}>${money(o, l.lineCents)}</td></tr>`).join('');
    const row = (label: string, value: string, strong = false) => `
<tr><td colspan="5" ${num}>${strong ? `<b>${escapeHtml(label)}</b>` : escapeHtml(label)}</td><td ${num}>${strong ? `<b>${value}</b>` : value}</td></tr>`;
    const html = (filler: string) => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body style="font:13px Arial,Helvetica,sans-serif;color:#000">
<table width="100%" cellspacing="0" cellpadding="0"><tr><td><b style="font-size:16px">${escapeHtml(o.shop.name)}</b><br>${escapeHtml(o.t.streets[0]!)} 1<br>${escapeHtml(o.market.cities[0]!)}</td>
<td align="right">${escapeHtml(t.orderNo)}: <b>${escapeHtml(o.number)}</b><br>${escapeHtml(t.orderDate)}: ${escapeHtml(printedDate(o))}<br>${escapeHtml(t.sku)} ${rng.int(10000, 99999)}</td></tr></table>
<h2 style="font-size:18px;margin:18px 0">${escapeHtml(heading)}</h2>
<p>${escapeHtml(t.greeting(`${o.customer.first} ${o.customer.last}`))}</p><p>${escapeHtml(rng.pick(t.intros))}</p>
<table cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%">
<tr><th ${cell}>#</th><th ${cell}>${escapeHtml(t.sku)}</th><th ${cell}>${escapeHtml(t.item)}</th><th ${cell}>${escapeHtml(t.qty)}</th><th ${cell}>${escapeHtml(t.price)}</th><th ${cell}>&nbsp;</th></tr>
${items}
${totalsRows(o, row)}
</table>
<p>${escapeHtml(t.payment)}: ${escapeHtml(o.payment)}<br>${escapeHtml(t.shippingMethod)}: ${escapeHtml(o.shippingMethod)}</p>
<p><b>${escapeHtml(t.shipTo)}</b><br>${addressBlock(o)}</p>
<p>${escapeHtml(t.cancelNote)}</p>
<p>${escapeHtml(t.help)} <a href="mailto:orders@${o.shop.domain}">orders@${o.shop.domain}</a></p>
${filler}
<hr><p style="font-size:10px;color:#555">${escapeHtml(o.shop.name)} · ${o.shop.domain}</p>
</body></html>`;
    return { html, text: (filler) => commonText(o, rng, heading, filler) };
  },

  // A small shop's own mailer: paragraphs and a preformatted block, little markup.
  minimal(o, rng) {
    const t = o.t;
    const heading = rng.pick(t.headings);
    const html = (filler: string) => `<html><body>
<p>${escapeHtml(t.greeting(o.customer.first))}</p>
<p><b>${escapeHtml(heading)}</b></p>
<p>${escapeHtml(rng.pick(t.intros))}</p>
<p>${escapeHtml(t.orderNo)}: ${escapeHtml(o.number)}<br>
${escapeHtml(t.orderDate)}: ${escapeHtml(printedDate(o))}</p>
<pre style="font-family:Menlo,Consolas,monospace;font-size:13px">
${escapeHtml(itemsText(o))}

${escapeHtml(totalsText(o))}
</pre>
<p>${escapeHtml(t.shipTo)}:<br>${addressBlock(o)}</p>
<p>${escapeHtml(t.payment)}: ${escapeHtml(o.payment)}</p>
<p><a href="https://${o.shop.domain}/account/orders/${encodeURIComponent(o.number)}">${escapeHtml(t.viewOrder)}</a></p>
<p>${escapeHtml(t.cancelNote)}<br>${escapeHtml(t.help)} ${o.shop.slug}@${o.shop.domain}</p>
${filler}
<p>-- <br>${escapeHtml(o.shop.name)}<br>https://${o.shop.domain}</p>
</body></html>`;
    return { html, text: (filler) => commonText(o, rng, heading, filler) };
  },
};
