/** Parsing of `ports:` entries (short and long syntax) the way the engine's port-spec parser reads them. */
import { isValidIpMemo as isValidIp } from './ipMemo';
import type { PortSpec } from './types';

export const PROTOCOLS = ['tcp', 'udp', 'sctp'];

export type PortParse = { spec: PortSpec } | { error: string };

function parseRange(text: string, what: string): { start: number; end: number } | string {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
  if (!m) return `${what} "${text}" is not a port number or range`;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start < 1 || start > 65535 || end < 1 || end > 65535) return `${what} "${text}" is outside 1-65535`;
  if (end < start) return `${what} range "${text}" ends before it starts`;
  return { start, end };
}

function checkProtocol(protocol: string): string | undefined {
  return PROTOCOLS.includes(protocol) ? undefined : `protocol "${protocol}" is not one of ${PROTOCOLS.join(', ')}`;
}

/** `[HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]`. */
export function parseShortPort(text: string): PortParse {
  let body = text.trim();
  let protocol = 'tcp';
  const slash = body.lastIndexOf('/');
  if (slash >= 0) {
    protocol = body.slice(slash + 1).toLowerCase();
    body = body.slice(0, slash);
    const bad = checkProtocol(protocol);
    if (bad) return { error: bad };
  }
  if (body === '') return { error: 'the entry has no container port' };
  const parts = body.split(':');
  const n = parts.length;
  const containerText = parts[n - 1];
  const hostPortText = n >= 2 ? parts[n - 2] : undefined;
  let hostIp = n >= 3 ? parts.slice(0, n - 2).join(':') : undefined;
  if (hostIp !== undefined && hostIp.startsWith('[') && hostIp.endsWith(']')) hostIp = hostIp.slice(1, -1);
  if (hostIp !== undefined && hostIp !== '' && !isValidIp(hostIp))
    return { error: `host address "${hostIp}" is not an IP address` };
  const container = parseRange(containerText, 'container port');
  if (typeof container === 'string') return { error: container };
  let hostStart: number | undefined;
  let hostEnd: number | undefined;
  if (hostPortText !== undefined && hostPortText !== '') {
    const host = parseRange(hostPortText, 'host port');
    if (typeof host === 'string') return { error: host };
    const cLen = container.end - container.start;
    const hLen = host.end - host.start;
    if (cLen !== 0 && cLen !== hLen)
      return { error: `host range "${hostPortText}" and container range "${containerText}" differ in size` };
    hostStart = host.start;
    hostEnd = host.end;
  }
  return {
    spec: {
      hostIp: hostIp || undefined,
      hostStart,
      hostEnd,
      containerStart: container.start,
      containerEnd: container.end,
      protocol,
    },
  };
}

/** The long syntax: target, published, host_ip, protocol. */
export function parseLongPort(fields: {
  target?: string;
  published?: string;
  hostIp?: string;
  protocol?: string;
}): PortParse {
  if (fields.target === undefined) return { error: 'the long syntax needs a `target` port' };
  const container = parseRange(fields.target, 'target');
  if (typeof container === 'string') return { error: container };
  if (container.start !== container.end) return { error: '`target` must be a single port' };
  const protocol = (fields.protocol ?? 'tcp').toLowerCase();
  const bad = checkProtocol(protocol);
  if (bad) return { error: bad };
  if (fields.hostIp !== undefined && fields.hostIp !== '' && !isValidIp(fields.hostIp)) {
    return { error: `host_ip "${fields.hostIp}" is not an IP address` };
  }
  let hostStart: number | undefined;
  let hostEnd: number | undefined;
  if (fields.published !== undefined && fields.published !== '') {
    const host = parseRange(fields.published, 'published');
    if (typeof host === 'string') return { error: host };
    hostStart = host.start;
    hostEnd = host.end;
  }
  return {
    spec: {
      hostIp: fields.hostIp || undefined,
      hostStart,
      hostEnd,
      containerStart: container.start,
      containerEnd: container.end,
      protocol,
    },
  };
}
