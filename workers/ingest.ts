// The ingest worker as its own process: reads queued messages into order records until
// SIGINT/SIGTERM.
import { startIngestWorker } from '../src/service/workers.js';
import { runWorkerProcess } from './shell.js';

await runWorkerProcess('ingest', (ctx) => startIngestWorker(ctx));
