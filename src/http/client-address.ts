import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import { LRUCache } from 'lru-cache';
import proxyaddr from 'proxy-addr';
import type { Config } from '../config';

/**
 * The address limits are counted against, for HTTP requests and WebSocket upgrades alike.
 * `X-Forwarded-For` is believed only from the proxies TRUST_PROXY names: from anyone else it is a
 * header a client can write to dodge its limit.
 */
export function clientAddressOf(trustProxy: Config['trustProxy']): (req: IncomingMessage) => string {
  const trust =
    trustProxy === true ? () => true : trustProxy === false ? () => false : typeof trustProxy === 'number' ? (_: string, hop: number) => hop < trustProxy : proxyaddr.compile(trustProxy);
  const addressOf = (req: IncomingMessage) => limitKey(proxyaddr(req as Parameters<typeof proxyaddr>[0], trust));
  // The answer depends only on the peer and the X-Forwarded-For it sent: keep-alive connections
  // ask the same again on every request. A long header is worked out each time, not kept.
  const known = new LRUCache<string, string>({ max: 10_000 });
  return (req) => {
    const forwarded = req.headers['x-forwarded-for'] ?? '';
    if (forwarded.length > 512) return addressOf(req);
    const key = `${req.socket.remoteAddress ?? ''}|${forwarded}`;
    let address = known.get(key);
    if (address === undefined) known.set(key, (address = addressOf(req)));
    return address;
  };
}

/** An IPv6 client usually holds a whole /64: counting single addresses would hand it 2^64 budgets. */
function limitKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${(parsed as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16)).join(':')}::/64`;
}
