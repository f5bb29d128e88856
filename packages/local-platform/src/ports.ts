import { createServer } from 'node:net';
import type { Server } from 'node:net';

function listenOnLoopback(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () =>
      resolve(server),
    );
  });
}

/** Picks `count` distinct free TCP ports on 127.0.0.1 (all held open together, so no duplicates). */
export async function getFreePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      servers.push(await listenOnLoopback());
    }
    return servers.map(s => {
      const address = s.address();
      if (address === null || typeof address === 'string') {
        throw new Error('could not read the port of a loopback listener');
      }
      return address.port;
    });
  } finally {
    await Promise.all(
      servers.map(s => new Promise<void>(resolve => s.close(() => resolve()))),
    );
  }
}

/** Picks one free TCP port on 127.0.0.1. */
export async function getFreePort(): Promise<number> {
  const [port] = await getFreePorts(1);
  return port;
}
