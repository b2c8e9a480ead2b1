import { isIP } from 'node:net';

/** The eight 16-bit groups of an IPv6 address, from any of its written forms (`::`, a dotted IPv4 tail). */
function ipv6Groups(address: string): string[] {
  let text = address;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (tail) {
    const [a, b, c, d] = tail.split('.').map(Number);
    text = `${text.slice(0, -tail.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const middle = rest === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}

/**
 * The partition a public caller's quota is kept under: its IPv4 address, or the
 * /64 network of an IPv6 one (one host usually holds a whole /64, so keying by
 * the full address would hand it 2^64 buckets). An IPv4 address written as
 * IPv6 (`::ffff:1.2.3.4`) counts as IPv4. `address` is Express's `req.ip`,
 * which honours TRUST_PROXY.
 */
export function clientPartitionOf(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return mapped;
  const family = isIP(address);
  if (family === 4) return address;
  if (family === 6) return `${ipv6Groups(address.split('%')[0]).slice(0, 4).join(':')}::/64`;
  return 'unknown';
}
