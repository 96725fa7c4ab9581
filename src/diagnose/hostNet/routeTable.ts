/**
 * The host's default-route interface from /proc/net/route (IPv4): the row whose destination and mask are both
 * 0.0.0.0, the lowest metric winning. Pure: text in, interface name out; never throws.
 */

export function defaultRouteInterface(routeTable: string): string | undefined {
  let best: { iface: string; metric: number } | undefined;
  for (const line of routeTable.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 8) continue;
    const [iface, destination, , flags, , , metric, mask] = cols as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const up = (parseInt(flags, 16) & 1) === 1;
    if (!up || destination !== '00000000' || mask !== '00000000') continue;
    const m = Number(metric);
    if (!best || m < best.metric) best = { iface, metric: Number.isFinite(m) ? m : Number.MAX_SAFE_INTEGER };
  }
  return best?.iface;
}
