// A private redis-server per test suite, on a free loopback port with its own temp dir and nothing
// kept on disk, so suites running in parallel never share keys and never touch the machine's Redis.
import { randomBytes } from 'node:crypto';
import { firstLine, freePort, LOOPBACK } from './ports.js';
import { makeTempDir, removeDir, serverBinary, spawnServer, waitUntil, type ServerProcess } from './processes.js';

export interface TestRedis {
  /** redis://127.0.0.1:PORT */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Shuts the server down (nothing is saved) and removes its temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 15_000;
const PORT_ATTEMPTS = 3;

/** Starts `redis-server --port <free> --bind 127.0.0.1 --save '' --appendonly no --hz 100` and waits for PONG. */
export async function startRedis(): Promise<TestRedis> {
  const binary = serverBinary('redis-server');
  const dir = makeTempDir('redis');
  try {
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const server = spawnServer(binary, [
        '--port', String(port),
        '--bind', LOOPBACK,
        '--save', '',
        '--appendonly', 'no',
        '--hz', '100',
        '--dir', dir,
        '--daemonize', 'no',
        '--logfile', '',
        '--loglevel', 'warning',
      ]);
      try {
        await waitUntil(`redis-server on ${LOOPBACK}:${port}`, server, async () => (await firstLine(port, 'PING\r\n')) === '+PONG', START_TIMEOUT_MS);
      } catch (err) {
        await server.stop();
        // another process took the port between freePort() and the bind: pick another one
        if (attempt < PORT_ATTEMPTS && /address already in use/i.test(server.output())) continue;
        throw err;
      }
      return handle(port, server, dir);
    }
  } catch (err) {
    removeDir(dir);
    throw err;
  }
}

function handle(port: number, server: ServerProcess, dir: string): TestRedis {
  let stopping: Promise<void> | undefined;
  return {
    url: `redis://${LOOPBACK}:${port}`,
    host: LOOPBACK,
    port,
    stop() {
      stopping ??= server.stop().finally(() => removeDir(dir));
      return stopping;
    },
  };
}

let counter = 0;

/**
 * A name no other suite, worker or run uses: `<name>-<pid>-<n>-<random>`, letters, digits and `-`
 * only (no `:`), so it serves as a key prefix (`${p}:key`), a BullMQ `prefix` or a queue name.
 */
export function uniquePrefix(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'test';
  counter += 1;
  return `${slug}-${process.pid}-${counter}-${randomBytes(3).toString('hex')}`;
}
