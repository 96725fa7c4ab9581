/**
 * Memoized address parsing for the linter. A big file repeats the same few thousand addresses across the model
 * and several rules, and ipaddr's regex-based parser dominated the rules' time (cold, in the CLI). Results are
 * shared, never mutated by callers; the maps are bounded so a long-lived worker does not grow without limit.
 */
import { formatIp, parseIp } from '../../model/address';

type Ip = NonNullable<ReturnType<typeof parseIp>>;

const MAX_ENTRIES = 20_000;
const parsed = new Map<string, Ip | null>();
const canonical = new Map<string, string | null>();

function remember<V>(map: Map<string, V>, key: string, compute: () => V): V {
  const hit = map.get(key);
  if (hit !== undefined || map.has(key)) return hit as V;
  if (map.size >= MAX_ENTRIES) map.clear();
  const value = compute();
  map.set(key, value);
  return value;
}

/**
 * Forgets every memoized address. The memos live as long as the process: a test that judges the parsing itself
 * (not the memo) starts from an empty memo, so an address parsed by an earlier test or run is parsed again.
 */
export function clearIpMemo(): void {
  parsed.clear();
  canonical.clear();
}

/** parseIp, memoized. */
export function parseIpMemo(text: string): Ip | undefined {
  return remember(parsed, text, () => parseIp(text) ?? null) ?? undefined;
}

export function isValidIpMemo(text: string): boolean {
  return parseIpMemo(text) !== undefined;
}

export function ipFamilyMemo(text: string): 'ipv4' | 'ipv6' | undefined {
  return parseIpMemo(text)?.kind();
}

/** canonicalIp, memoized. */
export function canonicalIpMemo(text: string): string | undefined {
  return (
    remember(canonical, text, () => {
      const a = parseIpMemo(text);
      return a ? formatIp(a) : null;
    }) ?? undefined
  );
}

/** isUnspecified (0.0.0.0 or ::), on the memoized parse. */
export function isUnspecifiedMemo(text: string): boolean {
  const a = parseIpMemo(text);
  return !!a && a.range() === 'unspecified';
}
