import net from 'node:net';

export type ReceivedMail = { from: string; to: string[]; data: string };

/**
 * A minimal SMTP server (RFC 5321 happy path: EHLO, MAIL, RCPT, DATA, QUIT, no TLS or auth) on
 * loopback, so mail delivery is tested over a real socket with the real client. `rejectRecipients`
 * makes RCPT answer 550, as a server refusing an address does.
 */
export async function startFakeSmtpServer(options: { rejectRecipients?: boolean } = {}) {
  const received: ReceivedMail[] = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let current: ReceivedMail = { from: '', to: [], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    const handleCommand = (line: string) => {
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO' || verb === 'HELO') return reply('250 fake-smtp');
      if (verb === 'MAIL') {
        current.from = line.slice(10).trim();
        return reply('250 ok');
      }
      if (verb === 'RCPT') {
        if (options.rejectRecipients) return reply('550 no such user');
        current.to.push(line.slice(8).trim());
        return reply('250 ok');
      }
      if (verb === 'DATA') {
        inData = true;
        return reply('354 go ahead');
      }
      if (verb === 'RSET') {
        current = { from: '', to: [], data: '' };
        return reply('250 ok');
      }
      if (verb === 'QUIT') {
        reply('221 bye');
        return socket.end();
      }
      return reply('502 not implemented');
    };
    reply('220 fake-smtp ready');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { from: '', to: [], data: '' };
          reply('250 queued');
          continue;
        }
        const lineEnd = buffer.indexOf('\r\n');
        if (lineEnd === -1) return;
        const line = buffer.slice(0, lineEnd);
        buffer = buffer.slice(lineEnd + 2);
        handleCommand(line);
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
