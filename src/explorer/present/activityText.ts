/**
 * What the views say about observed socket activity: a container's listening sockets, its connections (with the
 * peer's name, "via the host" or "outside") and why a table could not be read. Pure functions, words through `t`.
 */
import type {
  ListeningSocket,
  ObservedActivity,
  ObservedConnection,
  PeerRef,
  UnavailableReason,
} from '../../diagnose/sockets';
import type { HostFactsAvailability } from '../../hostFacts/locality';
import type { TopologySnapshot } from '../../model/topology';
import { escapeMarkdown, field, type Translate } from './text';

export type ActivityRowKind = 'listening' | 'outgoing' | 'incoming' | 'attempt' | 'note';

export interface ActivityRow {
  kind: ActivityRowKind;
  label: string;
  description: string;
}

type Containers = Pick<TopologySnapshot, 'containers'>;

/** "0.0.0.0:8000/tcp", "[::]:6060/tcp". */
export function socketLabel(socket: ListeningSocket): string {
  const host = socket.address.includes(':') ? `[${socket.address}]` : socket.address;
  return `${host}:${socket.port}/${socket.protocol}`;
}

export function peerName(peer: PeerRef, snapshot: Containers, t: Translate): string {
  switch (peer.kind) {
    case 'container':
      return snapshot.containers.get(peer.containerId)?.name ?? peer.containerId.slice(0, 12);
    case 'host':
      return t('the host via {0}', peer.address);
    case 'outside':
      return t('{0} (outside)', peer.address);
  }
}

export function unavailableSentence(reason: UnavailableReason, t: Translate): string {
  const detail = reason.detail ?? '';
  switch (reason.code) {
    case 'stopped':
      return t('The container stopped while its sockets were read.');
    case 'timeout':
      return t(
        'The container did not answer in time (cat /proc/net/tcp through exec); try again, or check that it is not frozen.',
      );
    case 'commandFailed':
      return t('Its socket tables could not be read through exec: {0}. The image may have no cat.', detail);
    case 'refused':
      return t('The engine refused to run cat in the container: {0}', detail);
    case 'denied':
      return t(
        "This host does not let the extension read the container's /proc ({0}); run VS Code as the engine's user or root.",
        detail,
      );
    case 'readFailed':
      return t('Its socket tables could not be read on this host: {0}', detail);
  }
}

const involves = (c: ObservedConnection, id: string): boolean =>
  (c.from.kind === 'container' && c.from.containerId === id) || (c.to.kind === 'container' && c.to.containerId === id);

function stateText(connection: ObservedConnection, t: Translate): string {
  const count = connection.count > 1 ? ` ×${connection.count}` : '';
  if (connection.state === 'attempt') return t('no answer (SYN_SENT){0}', count);
  if (connection.state === 'closing') return t('closing{0}', count);
  return t('established{0}', count);
}

/** The rows under a container's "Observed activity" node. */
export function activityRows(
  containerId: string,
  activity: ObservedActivity,
  snapshot: Containers,
  t: Translate,
): ActivityRow[] {
  const reason = activity.unavailable.get(containerId);
  if (reason) return [{ kind: 'note', label: t('Not read'), description: unavailableSentence(reason, t) }];
  const rows: ActivityRow[] = (activity.listening.get(containerId) ?? []).map((s) => ({
    kind: 'listening',
    label: socketLabel(s),
    description: t('listening'),
  }));
  for (const c of activity.connections.filter((x) => involves(x, containerId))) {
    const outgoing = c.from.kind === 'container' && c.from.containerId === containerId;
    const peer = peerName(outgoing ? c.to : c.from, snapshot, t);
    rows.push({
      kind: c.state === 'attempt' ? 'attempt' : outgoing ? 'outgoing' : 'incoming',
      label: outgoing ? t('→ {0}:{1}', peer, c.port) : t('← {0} to :{1}', peer, c.port),
      description: stateText(c, t),
    });
  }
  if (activity.truncated.has(containerId))
    rows.push({
      kind: 'note',
      label: t('Incomplete'),
      description: t('The socket table was longer than exec returns; some sockets are not shown.'),
    });
  if (rows.length === 0)
    rows.push({ kind: 'note', label: t('No sockets'), description: t('nothing listening, no connections') });
  return rows;
}

/** Tooltip lines for a container: listening sockets and the number of connections. */
export function activityTooltipLines(containerId: string, activity: ObservedActivity, t: Translate): string[] {
  const reason = activity.unavailable.get(containerId);
  if (reason) return [escapeMarkdown(unavailableSentence(reason, t))];
  const listening = (activity.listening.get(containerId) ?? []).map(socketLabel);
  const connections = activity.connections.filter((c) => involves(c, containerId));
  const attempts = connections.filter((c) => c.state === 'attempt').reduce((n, c) => n + c.count, 0);
  return [
    field(t('Listening'), listening.length ? listening.join(', ') : t('nothing')),
    field(t('Connections'), String(connections.filter((c) => c.state !== 'attempt').reduce((n, c) => n + c.count, 0))),
    attempts ? field(t('Unanswered attempts'), String(attempts)) : '',
  ].filter((l) => l !== '');
}

/** Why host facts are not shown, for a Details row or a tooltip. */
export function hostFactsUnavailableSentence(
  availability: Exclude<HostFactsAvailability, { available: true }>,
  engine: string,
  t: Translate,
): string {
  switch (availability.reason) {
    case 'remote':
      return t(
        "not shown: the engine at {0} is not on this machine, and its host's /proc and /sys cannot be read from here",
        engine,
      );
    case 'notLinux':
      return t("not shown: this machine is not Linux, so the engine's bridges and veths are not in its /sys");
    case 'noProc':
      return t('not shown: /proc cannot be read on this machine');
  }
}
