// How orders look to the owner: a table for people, a stable JSON shape for programs.
import type { Order } from '../orders/order.js';

export function orderJson(o: Order): Record<string, unknown> {
  return {
    id: o.id,
    merchant: o.merchant,
    orderNumber: o.orderNumber,
    total: o.total,
    orderedAt: o.orderedAt,
    cancelBy: o.cancelBy,
    cancelUntilShipped: o.cancelUntilShipped,
    cancelUrl: o.cancelUrl,
    contactEmail: o.contactEmail,
    returnWindowDays: o.returnWindowDays,
    trackingNumber: o.trackingNumber,
    items: o.items,
    state: o.state,
    flags: o.flags,
    next: o.next,
    contact: o.contact,
    messages: o.messages,
  };
}

/** "2h 05m left", "3d left", "passed 4h ago". */
export function timeLeft(deadline: string | null, now: Date): string {
  if (!deadline) return '';
  const ms = Date.parse(deadline) - now.getTime();
  const abs = Math.abs(ms);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const span = d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m`;
  return ms >= 0 ? `${span} left` : `passed ${span} ago`;
}

function money(o: Order): string {
  return o.total ? `${o.total.amount.toFixed(o.total.currency === 'JPY' || o.total.currency === 'KRW' ? 0 : 2)} ${o.total.currency}` : '';
}

function deadline(o: Order, now: Date): string {
  if (o.cancelBy) return `${o.cancelBy} (${timeLeft(o.cancelBy, now)})`;
  if (o.cancelUntilShipped) return 'until it ships';
  return '';
}

function nextAction(o: Order, now: Date): string {
  if (!o.next || Date.parse(o.next.due) < now.getTime()) return '';
  return `${o.next.what} in ${timeLeft(o.next.due, now).replace(/ left$/, '')}`;
}

export function ordersTable(orders: Order[], now: Date): string {
  if (orders.length === 0) return 'No orders found.';
  const rows = orders.map((o) => [o.merchant.domain ?? o.merchant.name ?? '?', o.orderNumber, money(o), deadline(o, now), o.state, nextAction(o, now), o.flags.join(',')]);
  const header = ['MERCHANT', 'ORDER', 'TOTAL', 'CANCEL BY', 'STATE', 'NEXT', 'FLAGS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function orderDetail(o: Order, now: Date): string {
  const lines = [
    `${o.merchant.name ?? o.merchant.domain} (${o.merchant.domain}) order ${o.orderNumber}  [${o.id}]`,
    `  state        ${o.state}${o.flags.length ? `  flags: ${o.flags.join(', ')}` : ''}`,
    `  ordered      ${o.orderedAt ?? '-'}`,
    `  total        ${money(o) || '-'}`,
    `  cancel by    ${deadline(o, now) || '-'}`,
    `  cancel link  ${o.cancelUrl ?? '-'}`,
    `  contact      ${o.contactEmail ?? '-'}${o.contact.address ? `  (${o.contact.trusted ? 'trusted' : 'not trusted'}: ${o.contact.reason})` : ''}`,
    `  next         ${o.next ? `${o.next.what} at ${o.next.due}` : '-'}`,
    `  returns      ${o.returnWindowDays ? `${o.returnWindowDays} days` : '-'}`,
    `  tracking     ${o.trackingNumber ?? '-'}`,
  ];
  for (const i of o.items) lines.push(`  item         ${i.quantity} x ${i.name}${i.price !== null ? `  ${i.price}` : ''}`);
  lines.push('  correspondence:');
  for (const m of o.messages) lines.push(`    ${m.direction === 'in' ? '<-' : '->'} ${m.date ?? '?'}  ${m.kind ?? ''}  ${m.subject}  ${m.messageId ?? ''}`);
  return lines.join('\n');
}
