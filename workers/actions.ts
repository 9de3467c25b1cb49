// The action worker as its own process: sends reminders, cancellation requests and follow-ups,
// checks for the store's confirmation, until SIGINT/SIGTERM.
import { startActionWorker } from '../src/service/workers.js';
import { runWorkerProcess } from './shell.js';

await runWorkerProcess('actions', (ctx) => startActionWorker(ctx));
