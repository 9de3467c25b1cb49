// Timers for the breakdown of run (a): wall and CPU time around calls, around each step of an
// async iterator, and the wall time a Redis client has commands outstanding.
import type { Redis } from 'ioredis';

export interface Span {
  ms: number;
  cpuMs: number;
  calls: number;
}

export class Timer implements Span {
  ms = 0;
  cpuMs = 0;
  calls = 0;
  async time<T>(work: () => Promise<T>): Promise<T> {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      this.ms += performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      this.cpuMs += (cpu.user + cpu.system) / 1000;
      this.calls++;
    }
  }
}

/** Adds to `timer` the wall time during which at least one command of this client is outstanding. */
export function timeCommands(redis: Redis, timer: Timer): void {
  const send = redis.sendCommand.bind(redis);
  let outstanding = 0;
  let since = 0;
  redis.sendCommand = ((command: { promise: Promise<unknown> }, stream?: unknown) => {
    if (outstanding++ === 0) since = performance.now();
    const done = () => {
      if (--outstanding === 0) timer.ms += performance.now() - since;
    };
    command.promise.then(done, done);
    timer.calls++;
    return send(command as never, stream as never);
  }) as typeof redis.sendCommand;
}

export async function* timed<T>(source: AsyncIterable<T>, timer: Timer): AsyncIterable<T> {
  const it = source[Symbol.asyncIterator]();
  for (;;) {
    const r = await timer.time(() => it.next());
    if (r.done) return;
    yield r.value;
  }
}
