/**
 * The topology panel's "Observed connections" layer, from the observed socket activity: one directed edge per
 * client, server, port and state (client container -> server container, or to and from a marker for the host or an
 * address outside), labelled with the port and the count; an unanswered SYN is a failed attempt. Containers whose
 * tables could not be read become notes. Pure (no vscode): words through `t`, engine strings left as text.
 */
import type { ObservedActivity, ObservedConnection, PeerRef } from '../../diagnose/sockets';
import { peerName, unavailableSentence } from '../../explorer/present/activityText';
import type { Translate } from '../../explorer/present/text';
import type { TopologySnapshot } from '../../model/topology';
import type { ObservedEdge, ObservedLayer, ObservedPeer } from '../protocol';
import { containerNodeId } from './build';

type Containers = Pick<TopologySnapshot, 'containers'>;

/** Beyond this many edges the layer keeps the busiest ones (the notes say how many were left out). */
export const MAX_OBSERVED_EDGES = 500;

/**
 * The graph node of a peer. A host or outside peer gets a marker of its own per container it talks to (drawn
 * beside that container), so the layer never adds a line across the graph to a shared "outside" point.
 */
function nodeOf(peer: PeerRef, other: PeerRef, snapshot: Containers, t: Translate, peers: Map<string, ObservedPeer>) {
  if (peer.kind === 'container') return containerNodeId(peer.containerId);
  const anchor = other.kind === 'container' ? containerNodeId(other.containerId) : '';
  const id = `o:${peer.kind}:${peer.address}@${anchor}`;
  if (!peers.has(id)) peers.set(id, { id, kind: peer.kind, label: peerName(peer, snapshot, t) });
  return id;
}

function stateText(c: ObservedConnection, t: Translate): string {
  if (c.state === 'attempt') return t('failed attempt (SYN_SENT, no answer)');
  if (c.state === 'closing') return t('closing');
  return t('established');
}

function edgeLabel(c: ObservedConnection, t: Translate): string {
  return c.state === 'attempt' ? t(':{0} ×{1} failed attempt', c.port, c.count) : t(':{0} ×{1}', c.port, c.count);
}

export function observedLayer(
  activity: ObservedActivity,
  snapshot: Containers,
  at: number,
  t: Translate,
): ObservedLayer {
  const peers = new Map<string, ObservedPeer>();
  const busiest = [...activity.connections].sort((a, b) => b.count - a.count).slice(0, MAX_OBSERVED_EDGES);
  const edges: ObservedEdge[] = busiest.map((c) => {
    const source = nodeOf(c.from, c.to, snapshot, t, peers);
    const target = nodeOf(c.to, c.from, snapshot, t, peers);
    return {
      id: `o:${source}>${target}/${c.protocol}/${c.port}/${c.state}`,
      source,
      target,
      port: c.port,
      count: c.count,
      state: c.state,
      label: edgeLabel(c, t),
      text: t(
        '{0} → {1}:{2}, {3} ({4})',
        peerName(c.from, snapshot, t),
        peerName(c.to, snapshot, t),
        c.port,
        stateText(c, t),
        c.count,
      ),
    };
  });
  const name = (id: string): string => snapshot.containers.get(id)?.name ?? id.slice(0, 12);
  const notes = [...activity.unavailable].map(([id, reason]) => `${name(id)}: ${unavailableSentence(reason, t)}`);
  for (const id of activity.truncated)
    notes.push(t('{0}: the socket table was cut short; some connections are not shown.', name(id)));
  if (activity.connections.length > busiest.length)
    notes.push(
      t(
        '{0} more connections are not drawn: the layer shows the busiest {1}.',
        activity.connections.length - busiest.length,
        busiest.length,
      ),
    );
  return { at, peers: [...peers.values()], edges, notes };
}
