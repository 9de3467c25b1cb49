#!/usr/bin/env -S node --max-semi-space-size=4
// The young generation kept small (4 MB semi-spaces, not 16): a service that runs for months reads
// one message at a time, and the larger nursery only raised its resident memory by about 50 MB.
import { main } from '../dist/src/cli.js';

process.exitCode = await main(process.argv.slice(2));
