import type { Server } from 'node:http';

/**
 * Starts `server` on 127.0.0.1 (or another loopback address, e.g. 127.0.0.2, so several fakes look like
 * different hosts) on a port the OS picks; resolves with its port and base URL.
 */
export async function listenOnLoopback(server: Server, host = '127.0.0.1'): Promise<{ port: number; url: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return { port: address.port, url: `http://${host}:${address.port}` };
}
