// The SSRF guard: a feed URL may only reach public unicast addresses, unless its
// registry entry allows an address range explicitly. The check runs on the address
// the connection really uses (a lookup hook), so DNS cannot swap in a private
// address after the check, and it runs again on every redirect hop.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';

export type AddressRanges = [ipaddr.IPv4 | ipaddr.IPv6, number][];

export function parseAllowedRanges(cidrs: string[]): AddressRanges {
  return cidrs.map((cidr) =>
    ipaddr.parseCIDR(cidr.includes('/') ? cidr : `${cidr}/${cidr.includes(':') ? 128 : 32}`),
  );
}

/** Public unicast (not private, loopback, link-local with cloud metadata, CGNAT, reserved...) or allowed. */
export function addressAllowed(address: string, allowed: AddressRanges): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address);
  } catch {
    return false;
  }
  if (allowed.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits)))
    return true;
  return parsed.range() === 'unicast';
}

export class AddressRefusedError extends Error {
  readonly code = 'ADDRESS_REFUSED';
  constructor(host: string, address: string) {
    super(
      `${host} resolves to ${address}, which is not a public address and not allowed for this feed`,
    );
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A dns.lookup for undici's connect option that refuses what `addressAllowed` refuses. */
export function guardedLookup(allowed: AddressRanges) {
  return (hostname: string, options: object, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const list = addresses as LookupAddress[];
      const refused = list.find((a) => !addressAllowed(a.address, allowed));
      if (refused)
        return callback(
          new AddressRefusedError(hostname, refused.address) as NodeJS.ErrnoException,
          '',
        );
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      return first
        ? callback(null, first.address, first.family)
        : callback(new Error(`no address for ${hostname}`), '');
    });
  };
}
