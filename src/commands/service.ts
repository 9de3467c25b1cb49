// `orderwatch run`, `orders`, `order`, `set-aside`: the commands that need Redis.
import { Queue } from 'bullmq';
import { SingleBar } from 'cli-progress';
import { ACTION_JOB_OPTIONS, queueOptions } from '../queue/options.js';
import { QUEUES, actionJobId } from '../queue/jobs.js';
import { loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../log.js';
import { InboxStore } from '../store/inbox-store.js';
import { Keys } from '../store/keys.js';
import { OrderStore } from '../store/order-store.js';
import { connectRedis } from '../store/redis.js';
import { redisTarget, runService } from '../service/run.js';
import type { SyncProgress } from '../service/sync.js';
import { orderDetail, orderJson, ordersTable } from './orders-view.js';

type Out = (text: string) => void;

export async function runCommand(opts: { once: boolean }, out: Out): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  log.info({ mailbox: config.mailbox.label, folders: config.folders, prefix: config.prefix }, opts.once ? 'scanning the mailbox once' : 'starting');
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const progress = progressReporter(log);
  const service = await runService(config, log, { once: opts.once, stopped, onProgress: progress.update });
  progress.stop();
  try {
    if (opts.once) {
      const orders = await new OrderStore(service.redis, new Keys(config.prefix)).list();
      out(ordersTable(orders, new Date()));
      const aside = await new InboxStore(service.redis, new Keys(config.prefix)).setAsideEntries();
      if (aside.length > 0) out(`\n${aside.length} message(s) set aside: see \`orderwatch set-aside\`.`);
    }
  } finally {
    await service.close();
    log.info('stopped');
  }
  return 0;
}

/** A progress bar on a terminal, plain log lines otherwise. */
function progressReporter(log: Logger): { update: (p: SyncProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) {
    let last = 0;
    return {
      update: (p) => {
        if (Date.now() - last < 2_000 && p.scanned < p.total) return;
        last = Date.now();
        log.info({ folder: p.folder, scanned: p.scanned, of: p.total, queued: p.queued }, 'scanning');
      },
      stop: () => {},
    };
  }
  const bar = new SingleBar({ format: '{folder} [{bar}] {value}/{total} scanned, {queued} to read', stream: process.stderr, hideCursor: true });
  let started = false;
  return {
    update: (p) => {
      if (p.phase !== 'backfill') return;
      if (!started) bar.start(p.total, 0, { folder: p.folder, queued: 0 });
      started = true;
      bar.setTotal(Math.max(p.total, p.scanned));
      bar.update(p.scanned, { folder: p.folder, queued: p.queued });
    },
    stop: () => started && bar.stop(),
  };
}

let currentTarget = '';
const targetUrl = (_config: Config) => currentTarget;

async function withOrders<T>(work: (orders: OrderStore, inbox: InboxStore, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const target = await redisTarget(config, log);
  currentTarget = target.url;
  const redis = connectRedis(target.url, 'orderwatch-cli');
  try {
    const keys = new Keys(config.prefix);
    return await work(new OrderStore(redis, keys), new InboxStore(redis, keys), config);
  } finally {
    redis.disconnect();
    await target.stop();
  }
}

export async function ordersCommand(opts: { json: boolean }, out: Out): Promise<number> {
  return withOrders(async (orders) => {
    const list = await orders.list();
    out(opts.json ? JSON.stringify(list.map(orderJson), null, 2) : ordersTable(list, new Date()));
    return 0;
  });
}

export async function orderCommand(idOrNumber: string, opts: { json: boolean }, out: Out): Promise<number> {
  return withOrders(async (orders) => {
    const found = await orders.find(idOrNumber);
    if (found.length === 0) {
      out(`no order ${idOrNumber}`);
      return 1;
    }
    out(opts.json ? JSON.stringify(found.map(orderJson), null, 2) : found.map((o) => orderDetail(o, new Date())).join('\n\n'));
    return 0;
  });
}

export async function setAsideCommand(opts: { json: boolean }, out: Out): Promise<number> {
  return withOrders(async (_orders, inbox) => {
    const entries = await inbox.setAsideEntries();
    if (opts.json) out(JSON.stringify(entries, null, 2));
    else if (entries.length === 0) out('Nothing set aside.');
    else for (const e of entries) out(`${e.at}  ${e.account} ${e.folder} #${e.uid}  ${e.subject}\n    ${e.reason}`);
    return 0;
  });
}

/** `orderwatch cancel ORDER` / `orderwatch keep ORDER`: the owner's wish, handed to the action worker. */
export async function ownerCommand(command: 'cancel' | 'keep', idOrNumber: string, out: Out): Promise<number> {
  return withOrders(async (orders, _inbox, config) => {
    const found = await orders.find(idOrNumber);
    if (found.length !== 1) {
      out(found.length === 0 ? `no order ${idOrNumber}` : `${idOrNumber} names ${found.length} orders: use one of the ids ${found.map((o) => o.id).join(', ')}`);
      return 1;
    }
    const order = found[0]!;
    const queue = new Queue(QUEUES.actions, queueOptions(targetUrl(config), config.prefix));
    try {
      const event = command === 'cancel' ? ({ type: 'owner_cancel', via: 'cli' } as const) : ({ type: 'owner_keep', via: 'cli' } as const);
      const job = { orderId: order.id, event };
      await queue.add(event.type, job, { ...ACTION_JOB_OPTIONS, jobId: actionJobId(job, Date.now()) });
    } finally {
      await queue.close();
    }
    out(command === 'cancel'
      ? `Cancelling ${order.merchant.name ?? order.merchant.domain} order ${order.orderNumber}: ${order.contact.trusted ? `a request goes to ${order.contact.address}` : `you will get what to do (${order.contact.reason})`}.`
      : `No more reminders for ${order.merchant.name ?? order.merchant.domain} order ${order.orderNumber}.`);
    return 0;
  });
}
