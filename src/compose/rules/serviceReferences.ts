/**
 * Where a service names another one: `depends_on`, `links`, and host names in `environment` values. An environment
 * value counts only when it is shaped like a host: the host of a URL (`postgres://db:5432/app`), a `host:port`
 * (`redis:6379`), or the whole value of a host-like key (`DB_HOST=db`, `discovery.seed_hosts: a,b`). A word that
 * merely equals a service name (`MODE=db`) is not a reference.
 */
import type { Range, ServiceModel } from '../model/types';

export interface ServiceReference {
  /** The name as written: a service name or a network alias. */
  name: string;
  via: 'environment' | 'depends_on' | 'links';
  range: Range;
  /** The environment variable holding the name. */
  key?: string;
  /** `depends_on` long form condition. */
  condition?: string;
}

// Keys naming where the service itself is reached or what it accepts, not what it connects to.
const NOT_OUTBOUND_KEY = /ALLOWED|TRUSTED|VIRTUAL|LISTEN|BIND|NO_PROXY|CORS|ORIGIN|REDIRECT|CALLBACK|PUBLIC|EXTERNAL/i;
const HOST_KEY = /(?:^|[_.])(?:HOSTS?|HOSTNAME|SERVERS?|ADDR|ADDRESS|ENDPOINT)$/i;
const URL_AUTHORITY = /\b[a-z][a-z0-9+.-]*:\/\/([^\s/?#'"]+)/gi;
const HOST_PORT = /^([A-Za-z0-9][A-Za-z0-9_.-]*):\d{1,5}$/;
const HOST = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** `host`, `host:port` -> host; IPv6 literals and anything else -> undefined. */
function hostOf(part: string, portRequired: boolean): string | undefined {
  const p = part.trim();
  const m = HOST_PORT.exec(p);
  if (m) return m[1];
  return !portRequired && HOST.test(p) ? p : undefined;
}

/** The host names an environment variable points at (see the file's docblock for what counts). */
export function hostsInEnv(key: string, value: string): string[] {
  if (NOT_OUTBOUND_KEY.test(key)) return [];
  const out: string[] = [];
  if (value.includes('://')) {
    for (const m of value.matchAll(URL_AUTHORITY)) {
      const authority = m[1].slice(m[1].lastIndexOf('@') + 1);
      for (const part of authority.split(',')) {
        const h = hostOf(part, false);
        if (h) out.push(h);
      }
    }
    return out;
  }
  const hostKey = HOST_KEY.test(key);
  for (const part of value.split(',')) {
    const h = hostOf(part, !hostKey);
    if (h) out.push(h);
  }
  return out;
}

/** Every place a service names another, in written order within each kind. */
export function referencesOf(s: ServiceModel): ServiceReference[] {
  const out: ServiceReference[] = [];
  for (const e of s.environment?.items ?? []) {
    if (e.value.unresolved) continue;
    for (const name of hostsInEnv(e.key, e.value.value)) {
      out.push({ name, via: 'environment', range: e.value.range, key: e.key });
    }
  }
  for (const d of s.dependsOn?.items ?? []) {
    out.push({ name: d.name, via: 'depends_on', range: d.range, condition: d.condition });
  }
  for (const l of s.links?.items ?? []) out.push({ name: l.target, via: 'links', range: l.text.range });
  return out;
}

/** How a reference reads in a message. */
export function describeReference(r: ServiceReference): string {
  if (r.via === 'environment') return `names "${r.name}" in ${r.key}`;
  return r.via === 'depends_on' ? `depends on "${r.name}"` : `links to "${r.name}"`;
}

/** A name the service can resolve without any shared network: its own names, link aliases, extra_hosts. */
export function resolvesLocally(s: ServiceModel, name: string): boolean {
  if (name === s.name || s.networks?.refs.some((r) => r.aliases.includes(name))) return true;
  if (s.links?.items.some((l) => l.alias === name)) return true;
  return s.extraHosts?.items.some((h) => h.host === name) ?? false;
}
