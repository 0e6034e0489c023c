/**
 * The floor for live fan-out, run by `npm run bench:live` as a child process beside the real
 * server: a plain `ws` server that writes one pre-serialized message to every open socket when
 * asked (POST /broadcast, the message as the body). No protocol, no filters, no execution: what
 * sending the same bytes to N sockets costs on this machine. Prints its port on stdout.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/broadcast') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const message = Buffer.concat(chunks).toString('utf8');
    for (const socket of wss.clients) socket.send(message);
    res.writeHead(204).end();
  });
});
const wss = new WebSocketServer({ server });
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));
process.on('SIGTERM', () => process.exit(0));
