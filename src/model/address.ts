/**
 * Pure IP / CIDR math on ipaddr.js, shared by the compose linter and the network-create wizard.
 * IPv4 is accepted only in four-part decimal form (what the engine accepts), never ipaddr's legacy forms.
 */
import * as ipaddr from 'ipaddr.js';

export type Family = 'ipv4' | 'ipv6';

export interface Cidr {
  /** The address as written (host bits possibly set). */
  address: ipaddr.IPv4 | ipaddr.IPv6;
  prefix: number;
  family: Family;
}

/** Parses a single IP address (no prefix); undefined when invalid. IPv6 zone ids are rejected. */
export function parseIp(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const s = text.trim();
  if (s.includes(':')) {
    if (!ipaddr.IPv6.isValid(s) || s.includes('%')) return undefined;
    return ipaddr.IPv6.parse(s);
  }
  return ipaddr.IPv4.isValidFourPartDecimal(s) ? ipaddr.IPv4.parse(s) : undefined;
}

export function isValidIp(text: string): boolean {
  return parseIp(text) !== undefined;
}

export function ipFamily(text: string): Family | undefined {
  return parseIp(text)?.kind();
}

/** Parses `addr/prefix`; undefined when not a valid CIDR (a bare address is not a CIDR). */
export function parseCidr(text: string): Cidr | undefined {
  const s = text.trim();
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseIp(s.slice(0, slash));
  const prefixText = s.slice(slash + 1);
  if (!address || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const family = address.kind();
  if (prefix > maxPrefix(family)) return undefined;
  return { address, prefix, family };
}

export function maxPrefix(family: Family): number {
  return family === 'ipv4' ? 32 : 128;
}

/** The number of host bits of a CIDR (32 - prefix or 128 - prefix). */
export function hostBits(cidr: Cidr): number {
  return maxPrefix(cidr.family) - cidr.prefix;
}

function bytesOf(addr: ipaddr.IPv4 | ipaddr.IPv6): number[] {
  return addr.toByteArray();
}

function maskBytes(bytes: number[], prefix: number): number[] {
  return bytes.map((b, i) => {
    const bitsHere = Math.max(0, Math.min(8, prefix - i * 8));
    return bitsHere === 0 ? 0 : b & ((0xff << (8 - bitsHere)) & 0xff);
  });
}

/** The masked prefix, e.g. 10.1.2.3/16 -> 10.1.0.0/16 (IPv6 in RFC 5952 form). */
export function maskedPrefix(cidr: Cidr): string {
  const masked = ipaddr.fromByteArray(maskBytes(bytesOf(cidr.address), cidr.prefix));
  return `${formatIp(masked)}/${cidr.prefix}`;
}

/** True when bits beyond the prefix are set (the engine refuses such a subnet). */
export function hasHostBits(cidr: Cidr): boolean {
  const bytes = bytesOf(cidr.address);
  return maskBytes(bytes, cidr.prefix).some((b, i) => b !== bytes[i]);
}

export function formatIp(addr: ipaddr.IPv4 | ipaddr.IPv6): string {
  return addr.kind() === 'ipv6' ? (addr as ipaddr.IPv6).toRFC5952String() : addr.toString();
}

/** True when the address lies inside the CIDR (same family only). */
export function cidrContains(cidr: Cidr, address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (address.kind() !== cidr.family) return false;
  return address.match([cidr.address, cidr.prefix]);
}

/** True when two CIDRs share at least one address (same family only). */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  if (a.family !== b.family) return false;
  const shorter = a.prefix <= b.prefix ? a : b;
  const longer = shorter === a ? b : a;
  return longer.address.match([shorter.address, shorter.prefix]);
}

/** True when `inner` (e.g. an ip_range) lies entirely inside `outer` (its subnet). */
export function cidrInside(inner: Cidr, outer: Cidr): boolean {
  return inner.family === outer.family && inner.prefix >= outer.prefix && cidrContains(outer, inner.address);
}

/** Convenience on strings: undefined when either side does not parse. */
export function ipInCidr(ip: string, cidr: string): boolean | undefined {
  const a = parseIp(ip);
  const c = parseCidr(cidr);
  if (!a || !c) return undefined;
  return cidrContains(c, a);
}

/** Two textual IPs denote the same address (e.g. `::1` and `0:0::1`). */
export function sameIp(a: string, b: string): boolean {
  const x = parseIp(a);
  const y = parseIp(b);
  return !!x && !!y && x.kind() === y.kind() && formatIp(x) === formatIp(y);
}

/** Canonical text of an IP, or undefined when invalid. */
export function canonicalIp(text: string): string | undefined {
  const a = parseIp(text);
  return a ? formatIp(a) : undefined;
}

/** True for 0.0.0.0 and :: (all interfaces). */
export function isUnspecified(text: string): boolean {
  const a = parseIp(text);
  return !!a && a.range() === 'unspecified';
}
