import {
  canonicalIpMemo as canonicalIp,
  ipFamilyMemo as ipFamily,
  isUnspecifiedMemo as isUnspecified,
} from '../model/ipMemo';
import { modeKind } from './helpers';
import type { Range } from '../model/types';
import type { Rule, RuleFinding } from './types';

interface Published {
  service: string;
  ip?: string;
  start: number;
  end: number;
  protocol: string;
  range: Range;
  text: string;
}

/** Two host bindings collide when they share a port and an address (no address = every address). */
function ipsCollide(a?: string, b?: string): boolean {
  if (a === undefined || b === undefined) return true;
  const fa = ipFamily(a);
  const fb = ipFamily(b);
  if (fa !== fb) return false;
  if (isUnspecified(a) || isUnspecified(b)) return true;
  return canonicalIp(a) === canonicalIp(b);
}

export const duplicatePublishedPort: Rule = {
  id: 'duplicate-published-port',
  severity: 'error',
  category: 'network',
  enabledByDefault: true,
  summary: 'Two services publish the same host address, port and protocol (port ranges included).',
  check(ctx) {
    const all: Published[] = [];
    for (const s of ctx.model.services) {
      const kind = modeKind(s);
      if (kind === 'host' || kind === 'service' || kind === 'container') continue;
      for (const p of s.ports?.items ?? []) {
        const spec = p.spec;
        if (!spec || spec.hostStart === undefined || spec.hostEnd === undefined) continue;
        // A host range with one container port publishes a single port chosen in the range: not a fixed claim.
        if (spec.hostEnd !== spec.hostStart && spec.containerEnd === spec.containerStart) continue;
        all.push({
          service: s.name,
          ip: spec.hostIp,
          start: spec.hostStart,
          end: spec.hostEnd,
          protocol: spec.protocol,
          range: p.range,
          text: p.short?.value ?? `${spec.hostStart}`,
        });
      }
    }
    all.sort((a, b) => a.start - b.start || a.range[0] - b.range[0]);
    const out: RuleFinding[] = [];
    const reported = new Set<Published>();
    const active: Published[] = [];
    for (const p of all) {
      for (let i = active.length - 1; i >= 0; i--) if (active[i].end < p.start) active.splice(i, 1);
      for (const q of active) {
        if (q.protocol !== p.protocol || !ipsCollide(q.ip, p.ip)) continue;
        const [first, second] = q.range[0] < p.range[0] ? [q, p] : [p, q];
        if (reported.has(second)) continue;
        reported.add(second);
        const port = Math.max(p.start, q.start);
        out.push({
          message: `Host port ${port}/${p.protocol}${second.ip ? ` on ${second.ip}` : ''} is published by service "${first.service}" and again by ${first.service === second.service ? 'the same service' : `service "${second.service}"`}; the second container would fail to start (port is already allocated).`,
          range: second.range,
        });
      }
      active.push(p);
    }
    return out;
  },
};
