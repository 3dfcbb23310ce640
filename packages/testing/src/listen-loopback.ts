import type { Server } from 'node:http';

/** Starts `server` on 127.0.0.1 on a port the OS picks; resolves with its port and base URL. */
export async function listenOnLoopback(server: Server): Promise<{ port: number; url: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return { port: address.port, url: `http://127.0.0.1:${address.port}` };
}
