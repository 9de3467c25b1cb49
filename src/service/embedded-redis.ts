// With no Redis configured and none answering, orderwatch starts its own from PATH, keeping its
// data in the state folder so orders survive a restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { redisAnswers } from '../store/redis.js';

export interface EmbeddedRedis {
  url: string;
  stop(): Promise<void>;
}

export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
}

export async function startEmbeddedRedis(stateDir: string): Promise<EmbeddedRedis> {
  const dir = join(stateDir, 'redis');
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '60 1', '--appendonly', 'yes', '--hz', '50'], {
    stdio: 'ignore',
  });
  const spawned = await new Promise<Error | null>((resolve) => {
    child.once('error', resolve);
    child.once('spawn', () => resolve(null));
  });
  if (spawned) {
    throw new RedisUnavailableError(
      (spawned as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no Redis answers at REDIS_URL and redis-server is not installed: install it (Debian: apt-get install redis-server) or set REDIS_URL'
        : `could not start redis-server: ${spawned.message}`,
    );
  }
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !(await redisAnswers(url, 200)); i++) await sleep(50);
  if (!(await redisAnswers(url))) {
    child.kill('SIGKILL');
    throw new RedisUnavailableError('redis-server started but does not answer');
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
