/**
 * What the user typed as the target: "db", "db:5432", "172.18.0.3", "[fd00::3]:80", "fd00::3", a URL such as
 * "postgres://db:5432/app". parseTargetText splits it into host and port; findTargetContainer finds the container
 * a host means (name, "name.network", address, unique id prefix, alias, compose service), if any.
 */
import { ipFamily, sameIp } from '../../model/address';
import type { ContainerModel, TopologySnapshot } from '../../model/topology';

export interface ParsedTarget {
  host: string;
  port?: number;
}

export type TargetMatch = 'name' | 'address' | 'id' | 'alias' | 'service';

const SCHEME_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443, ws: 80, wss: 443, ftp: 21 };

function portOf(text: string | undefined): number | undefined | null {
  if (text === undefined || text === '') return undefined;
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}

/** undefined when the text is no host: empty, a bad port, spaces or characters no host name has. */
export function parseTargetText(raw: string): ParsedTarget | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  if (text.includes('://')) {
    try {
      const url = new URL(text);
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const scheme = url.protocol.replace(/:$/, '');
      const port = url.port ? Number(url.port) : SCHEME_PORTS[scheme];
      return host ? { host, ...(port ? { port } : {}) } : undefined;
    } catch {
      return undefined; // not a URL after all: the caller says the text is not a host
    }
  }
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    const port = portOf(bracketed[2]);
    return ipFamily(bracketed[1]) && port !== null ? { host: bracketed[1], ...(port ? { port } : {}) } : undefined;
  }
  if (ipFamily(text) === 'ipv6') return { host: text };
  const [host, portText, ...rest] = text.split(':');
  const port = portOf(portText);
  if (rest.length > 0 || port === null || !/^[A-Za-z0-9_.-]+$/.test(host)) return undefined;
  return { host, ...(port ? { port } : {}) };
}

/** The container a typed host means, and how it matched; undefined for anything else (a host outside Docker). */
export function findTargetContainer(
  snapshot: TopologySnapshot,
  host: string,
): { container: ContainerModel; matchedBy: TargetMatch } | undefined {
  const wanted = host.toLowerCase().replace(/\.$/, '');
  const containers = [...snapshot.containers.values()];
  const byName = containers.find((c) => c.name.toLowerCase() === wanted);
  if (byName) return { container: byName, matchedBy: 'name' };
  if (ipFamily(host)) {
    for (const e of snapshot.endpoints.values()) {
      if ([e.ipv4, e.ipv6].some((ip) => ip && sameIp(ip, host))) {
        const container = snapshot.containers.get(e.containerId);
        if (container) return { container, matchedBy: 'address' };
      }
    }
    return undefined;
  }
  for (const e of snapshot.endpoints.values()) {
    const suffix = `.${e.networkName.toLowerCase()}`;
    const bare = wanted.endsWith(suffix) ? wanted.slice(0, -suffix.length) : wanted;
    const container = snapshot.containers.get(e.containerId);
    if (!container) continue;
    if (bare !== wanted && container.name.toLowerCase() === bare) return { container, matchedBy: 'name' };
    if (e.aliases.some((alias) => alias.toLowerCase() === bare)) return { container, matchedBy: 'alias' };
  }
  if (/^[0-9a-f]{4,64}$/.test(wanted)) {
    const byId = containers.filter((c) => c.id.startsWith(wanted));
    if (byId.length === 1) return { container: byId[0], matchedBy: 'id' };
  }
  const byService = containers.filter((c) => c.composeService?.toLowerCase() === wanted);
  if (byService.length >= 1) return { container: byService[0], matchedBy: 'service' };
  return undefined;
}
