/**
 * Pure validation of what users type when creating a network or connecting a container with a static address.
 * All address math goes through ipaddr.js. Results are typed issues; the commands layer words them for users
 * (so this module stays free of `vscode` and runs in plain-Node unit tests).
 */
import * as ipaddr from 'ipaddr.js';
import type { EndpointModel, NetworkModel } from './topology';

export type IpFamily = 'ipv4' | 'ipv6';

export type ValidationIssue =
  | { kind: 'required' }
  | { kind: 'badName'; value: string }
  | { kind: 'nameTaken'; name: string }
  | { kind: 'badCidr'; value: string; family: IpFamily }
  | { kind: 'hostBits'; value: string; network: string }
  | { kind: 'overlap'; value: string; otherSubnet: string; otherNetwork: string }
  | { kind: 'badAddress'; value: string; family: IpFamily }
  | { kind: 'outsideSubnet'; value: string; subnet: string }
  | { kind: 'reservedAddress'; value: string; subnet: string; reason: 'network' | 'broadcast' | 'gateway' }
  | { kind: 'addressInUse'; value: string; container: string }
  | { kind: 'noSubnet'; family: IpFamily }
  | { kind: 'badPair'; value: string; example: string }
  | { kind: 'duplicateKey'; key: string }
  | { kind: 'badInteger'; value: string; min: number; max: number }
  | { kind: 'badInterface'; value: string }
  | { kind: 'badAlias'; value: string };

export type Checked<T> = { ok: true; value: T } | { ok: false; issue: ValidationIssue };

export interface ParsedCidr {
  /** As typed (trimmed). */
  text: string;
  family: IpFamily;
  address: ipaddr.IPv4 | ipaddr.IPv6;
  prefix: number;
}

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(issue: ValidationIssue): Checked<T> => ({ ok: false, issue });

/** The engine's own rule for network names (libnetwork's restricted name pattern), stricter than the CLI's. */
const NETWORK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export function checkNetworkName(raw: string, existing: Iterable<NetworkModel>): Checked<string> {
  const name = raw.trim();
  if (!name) return fail({ kind: 'required' });
  if (!NETWORK_NAME.test(name)) return fail({ kind: 'badName', value: name });
  for (const n of existing) if (n.name === name) return fail({ kind: 'nameTaken', name });
  return ok(name);
}

function familyOf(addr: ipaddr.IPv4 | ipaddr.IPv6): IpFamily {
  return addr.kind();
}

/** A subnet in CIDR notation of the given family, without host bits. */
export function parseSubnet(raw: string, family: IpFamily): Checked<ParsedCidr> {
  const text = raw.trim();
  if (!ipaddr.isValidCIDR(text)) return fail({ kind: 'badCidr', value: text, family });
  const [address, prefix] = ipaddr.parseCIDR(text);
  if (familyOf(address) !== family) return fail({ kind: 'badCidr', value: text, family });
  const network =
    family === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipaddr.IPv6.networkAddressFromCIDR(text);
  if (network.toNormalizedString() !== address.toNormalizedString()) {
    return fail({ kind: 'hostBits', value: text, network: `${network.toString()}/${prefix}` });
  }
  return ok({ text, family, address, prefix });
}

function parseCidrLoose(text: string | undefined): ParsedCidr | undefined {
  if (!text || !ipaddr.isValidCIDR(text)) return undefined;
  const [address, prefix] = ipaddr.parseCIDR(text);
  return { text, family: familyOf(address), address, prefix };
}

/** Two CIDRs of one family overlap exactly when one contains the other's network address. */
export function cidrsOverlap(a: ParsedCidr, b: ParsedCidr): boolean {
  if (a.family !== b.family) return false;
  const aNet = networkAddress(a);
  const bNet = networkAddress(b);
  return contains(a, bNet) || contains(b, aNet);
}

function networkAddress(c: ParsedCidr): ipaddr.IPv4 | ipaddr.IPv6 {
  return c.family === 'ipv4'
    ? ipaddr.IPv4.networkAddressFromCIDR(`${c.address.toString()}/${c.prefix}`)
    : ipaddr.IPv6.networkAddressFromCIDR(`${c.address.toString()}/${c.prefix}`);
}

function contains(c: ParsedCidr, addr: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (familyOf(addr) !== c.family) return false;
  return addr.match([networkAddress(c), c.prefix]);
}

/** A subnet for a new network: valid, no host bits, and clear of every subnet the engine's networks use. */
export function checkNewSubnet(raw: string, family: IpFamily, existing: Iterable<NetworkModel>): Checked<ParsedCidr> {
  const parsed = parseSubnet(raw, family);
  if (!parsed.ok) return parsed;
  for (const network of existing) {
    for (const cfg of network.ipam) {
      const other = parseCidrLoose(cfg.subnet);
      if (other && cidrsOverlap(parsed.value, other)) {
        return fail({ kind: 'overlap', value: parsed.value.text, otherSubnet: other.text, otherNetwork: network.name });
      }
    }
  }
  return ok(parsed.value);
}

/** A single address of the family (no prefix). */
export function parseAddress(raw: string, family: IpFamily): Checked<ipaddr.IPv4 | ipaddr.IPv6> {
  const text = raw.trim();
  if (!ipaddr.isValid(text)) return fail({ kind: 'badAddress', value: text, family });
  const addr = ipaddr.parse(text);
  if (familyOf(addr) !== family) return fail({ kind: 'badAddress', value: text, family });
  return ok(addr);
}

/** An address usable by a host inside the subnet: not the network address, nor (IPv4) the broadcast address. */
export function checkHostAddress(raw: string, subnet: ParsedCidr): Checked<string> {
  const addr = parseAddress(raw, subnet.family);
  if (!addr.ok) return addr;
  const text = raw.trim();
  if (!contains(subnet, addr.value)) return fail({ kind: 'outsideSubnet', value: text, subnet: subnet.text });
  const same = (x: ipaddr.IPv4 | ipaddr.IPv6): boolean => x.toNormalizedString() === addr.value.toNormalizedString();
  // A /31, /32 (or IPv6 /127, /128) has no separate network address worth reserving.
  const maxPrefix = subnet.family === 'ipv4' ? 32 : 128;
  if (subnet.prefix < maxPrefix - 1) {
    if (same(networkAddress(subnet)))
      return fail({ kind: 'reservedAddress', value: text, subnet: subnet.text, reason: 'network' });
    if (
      subnet.family === 'ipv4' &&
      same(ipaddr.IPv4.broadcastAddressFromCIDR(`${subnet.address.toString()}/${subnet.prefix}`))
    ) {
      return fail({ kind: 'reservedAddress', value: text, subnet: subnet.text, reason: 'broadcast' });
    }
  }
  return ok(addr.value.toString());
}

/** An IP range (CIDR) that lies inside the subnet. */
export function checkIpRange(raw: string, subnet: ParsedCidr): Checked<ParsedCidr> {
  const range = parseSubnet(raw, subnet.family);
  if (!range.ok) return range;
  if (range.value.prefix < subnet.prefix || !contains(subnet, range.value.address)) {
    return fail({ kind: 'outsideSubnet', value: range.value.text, subnet: subnet.text });
  }
  return range;
}

/** `key=value` pairs separated by commas or new lines; empty input is an empty map. */
export function parseKeyValues(raw: string, example: string): Checked<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const part of raw
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)) {
    // `part` is trimmed: a key before the first `=` is never blank.
    const eq = part.indexOf('=');
    if (eq <= 0) return fail({ kind: 'badPair', value: part, example });
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key in result) return fail({ kind: 'duplicateKey', key });
    result[key] = value;
  }
  return ok(result);
}

/** Auxiliary addresses `host=ip, ...`: each inside the subnet and distinct from the gateway. */
export function checkAuxAddresses(raw: string, subnet: ParsedCidr, gateway?: string): Checked<Record<string, string>> {
  const pairs = parseKeyValues(raw, subnet.family === 'ipv4' ? 'router=10.1.0.5' : 'router=fd00::5');
  if (!pairs.ok) return pairs;
  const used = new Map<string, string>();
  if (gateway) used.set(gateway, 'gateway');
  for (const [name, value] of Object.entries(pairs.value)) {
    const addr = checkHostAddress(value, subnet);
    if (!addr.ok) return addr;
    if (used.has(addr.value)) return fail({ kind: 'reservedAddress', value, subnet: subnet.text, reason: 'gateway' });
    used.set(addr.value, name);
    pairs.value[name] = addr.value;
  }
  return pairs;
}

/** The labels of a new network, `key=value, ...`. */
export function checkLabels(raw: string): Checked<Record<string, string>> {
  return parseKeyValues(raw, 'com.example.team=net');
}

export function checkInteger(raw: string, min: number, max: number): Checked<number> {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) return fail({ kind: 'badInteger', value: text, min, max });
  const n = Number(text);
  if (n < min || n > max) return fail({ kind: 'badInteger', value: text, min, max });
  return ok(n);
}

/** A Linux interface name: at most 15 characters, no slash, colon or white space. */
export function checkInterfaceName(raw: string): Checked<string> {
  const text = raw.trim();
  if (!/^[a-zA-Z0-9_.@-]{1,15}$/.test(text) || text === '.' || text === '..')
    return fail({ kind: 'badInterface', value: text });
  return ok(text);
}

/** Network-scoped DNS aliases, separated by commas or spaces. */
export function checkAliases(raw: string): Checked<string[]> {
  const aliases = raw
    .split(/[\s,]+/)
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
  for (const a of aliases)
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(a) || a.length > 253) return fail({ kind: 'badAlias', value: a });
  return ok([...new Set(aliases)]);
}

/** The subnets of a network of one family, as configured in its IPAM. */
export function networkSubnets(network: NetworkModel, family: IpFamily): ParsedCidr[] {
  return network.ipam.map((c) => parseCidrLoose(c.subnet)).filter((c): c is ParsedCidr => !!c && c.family === family);
}

/**
 * A static address for connecting a container: inside one of the network's subnets, not its network, broadcast
 * or gateway address, and not held by another endpoint of the network.
 */
export function checkStaticAddress(
  raw: string,
  family: IpFamily,
  network: NetworkModel,
  endpoints: readonly EndpointModel[],
): Checked<string> {
  const subnets = networkSubnets(network, family);
  if (subnets.length === 0) return fail({ kind: 'noSubnet', family });
  const addr = parseAddress(raw, family);
  if (!addr.ok) return addr;
  const subnet = subnets.find((s) => contains(s, addr.value));
  if (!subnet) return fail({ kind: 'outsideSubnet', value: raw.trim(), subnet: subnets.map((s) => s.text).join(', ') });
  const host = checkHostAddress(raw, subnet);
  if (!host.ok) return host;
  const normalized = addr.value.toNormalizedString();
  for (const cfg of network.ipam) {
    if (cfg.gateway && ipaddr.isValid(cfg.gateway) && ipaddr.parse(cfg.gateway).toNormalizedString() === normalized) {
      return fail({ kind: 'reservedAddress', value: host.value, subnet: subnet.text, reason: 'gateway' });
    }
  }
  for (const ep of endpoints) {
    const held = family === 'ipv4' ? ep.ipv4 : ep.ipv6;
    if (held && ipaddr.isValid(held) && ipaddr.parse(held).toNormalizedString() === normalized) {
      return fail({ kind: 'addressInUse', value: host.value, container: ep.containerName });
    }
  }
  return ok(host.value);
}
