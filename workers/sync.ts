// The sync worker as its own process: holds the account's sync job (backfill, then IDLE) until
// SIGINT/SIGTERM. Run as many as you like against the same Redis: one holds the account, the
// others take over if it dies.
import { startSyncWorker } from '../src/service/workers.js';
import { runWorkerProcess } from './shell.js';

await runWorkerProcess('sync', (ctx) => startSyncWorker(ctx));
