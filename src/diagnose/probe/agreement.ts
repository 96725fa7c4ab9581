/**
 * Verdict against probe. Where they agree the report says "confirmed"; where they disagree that is a finding in
 * itself: the engine's configuration says one thing and the packets another (a host firewall, nothing listening,
 * a route or resolver the engine does not know about).
 */
import type { Verdict } from '../reachability/types';
import type { ProbeResult } from './types';

export type Agreement =
  | { kind: 'confirmed' }
  /** The analyzer could not tell (unknown): the probe's result is the answer. */
  | { kind: 'probeDecides' }
  | { kind: 'notCompared' }
  | { kind: 'disagrees'; finding: DisagreementFinding };

export type DisagreementFinding =
  /** The configuration allows it, the probe's packets were dropped: a firewall or a rule outside Docker. */
  | 'droppedDespiteConfiguration'
  /** The path works but nothing listens on the port. */
  | 'nothingListens'
  /** The configuration allows the name, it did not resolve there. */
  | 'nameDidNotResolve'
  /** The configuration says no, yet the probe got through (a route, a resolver or a rule the engine does not show). */
  | 'reachedDespiteConfiguration';

export function compareWithProbe(verdict: Verdict, probe: ProbeResult): Agreement {
  const c = probe.conclusion;
  if (probe.failure || c === 'inconclusive') return { kind: 'notCompared' };
  if (verdict === 'unknown') return { kind: 'probeDecides' };
  if (verdict === 'reachable' || verdict === 'onlyViaPublishedPort') {
    switch (c) {
      case 'reachable':
      case 'resolvedOnly':
        return { kind: 'confirmed' };
      case 'refused':
        return { kind: 'disagrees', finding: 'nothingListens' };
      case 'doesNotResolve':
        return { kind: 'disagrees', finding: 'nameDidNotResolve' };
      default:
        return { kind: 'disagrees', finding: 'droppedDespiteConfiguration' };
    }
  }
  return c === 'reachable' ? { kind: 'disagrees', finding: 'reachedDespiteConfiguration' } : { kind: 'confirmed' };
}
