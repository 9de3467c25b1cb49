// Loopback ports for test servers: a free one is found by binding port 0, and a server counts as
// up once it answers a first exchange on its port.
import net, { type AddressInfo } from 'node:net';

export const LOOPBACK = '127.0.0.1';

/** A port that was free on 127.0.0.1 a moment ago (the kernel picked it for a bind to port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: LOOPBACK, port: 0, exclusive: true }, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Connects to 127.0.0.1:port, optionally writes `send`, and resolves with the first line received
 * (without CRLF), or rejects on error or after `timeoutMs`.
 */
export function firstLine(port: number, send?: string, timeoutMs = 2_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: LOOPBACK, port });
    let buf = '';
    const finish = (err: Error | null, line?: string): void => {
      socket.destroy();
      if (err) reject(err);
      else resolve(line ?? '');
    };
    socket.setTimeout(timeoutMs, () => finish(new Error(`no answer on port ${port} within ${timeoutMs} ms`)));
    socket.once('error', (err) => finish(err));
    socket.once('connect', () => {
      if (send !== undefined) socket.write(send);
    });
    socket.on('data', (chunk) => {
      buf += chunk.toString('latin1');
      const end = buf.indexOf('\r\n');
      if (end >= 0) finish(null, buf.slice(0, end));
    });
    socket.once('end', () => finish(new Error(`port ${port} closed the connection`)));
  });
}
