/**
 * What the Networks view says about the Linux constructs behind a network: the bridge row(s) in its Details, and
 * the host-side veth lines of an endpoint's tooltip, with the flags (bridge down, MTU above the uplink's).
 * Pure functions of the hostNet analyzer's facts; words through `t`.
 */
import type { HostNetFacts, HostNetFlag, InterfaceFacts } from '../../diagnose/hostNet';
import type { HostNetGathering } from '../../hostFacts/hostNetGathering';
import type { EndpointModel, NetworkModel } from '../../model/topology';
import { hostFactsUnavailableSentence } from './activityText';
import type { DetailRow } from './networkText';
import { escapeMarkdown, field, type Translate } from './text';

/** "MTU 1500 · up · 02:42:77:db:44:54" */
export function interfaceSummary(iface: InterfaceFacts, t: Translate): string {
  const state = iface.adminUp ? iface.operstate : t('{0}, administratively down', iface.operstate);
  return [t('MTU {0}', iface.mtu), state, iface.mac].filter((s) => s !== '').join(' · ');
}

function flagSentence(flag: HostNetFlag, t: Translate): string {
  switch (flag.kind) {
    case 'bridgeMissing':
      return t('bridge {0} does not exist on this host although containers use the network', flag.bridgeName);
    case 'bridgeDown':
      return flag.adminUp
        ? t('bridge {0} is {1} while running containers use it', flag.bridgeName, flag.operstate)
        : t(
            'bridge {0} is administratively down: its containers cannot reach each other or the outside (ip link set {0} up)',
            flag.bridgeName,
          );
    case 'mtuAboveUplink':
      return t(
        'container MTU {0} is larger than the MTU {1} of {2}, the default-route interface: large packets are dropped on the way out (TLS handshakes hang). Set com.docker.network.driver.mtu to {1} or less.',
        flag.mtu,
        flag.uplinkMtu,
        flag.uplink,
      );
  }
}

/** The host rows of a network's Details: its bridge, the flags, or why nothing is shown. */
export function hostDetailRows(
  network: NetworkModel,
  observation: HostNetGathering | undefined,
  engine: string,
  t: Translate,
): DetailRow[] {
  const name = t('Host interfaces');
  if (!observation) return [{ field: 'hostFacts', name, value: t('reading...') }];
  if (observation.kind === 'unavailable') {
    return [{ field: 'hostFacts', name, value: hostFactsUnavailableSentence(observation.availability, engine, t) }];
  }
  if (observation.kind === 'failed')
    return [{ field: 'hostFacts', name, value: t('could not be read: {0}', observation.failure.detail) }];
  return bridgeRows(network, observation.facts, t);
}

function bridgeRows(network: NetworkModel, facts: HostNetFacts, t: Translate): DetailRow[] {
  const bridge = facts.bridges.get(network.id);
  if (!bridge) return [];
  const rows: DetailRow[] = [
    {
      field: 'bridge',
      name: t('Linux bridge'),
      value: bridge.bridge
        ? `${bridge.bridgeName} · ${interfaceSummary(bridge.bridge, t)}`
        : t('{0} · not found on this host', bridge.bridgeName),
    },
  ];
  const flags = facts.flags.filter((f) => f.networkId === network.id);
  const mtu = flags.find((f) => f.kind === 'mtuAboveUplink');
  for (const flag of flags.filter((f) => f.kind !== 'mtuAboveUplink'))
    rows.push({ field: 'hostWarning', name: t('Warning'), value: flagSentence(flag, t) });
  // One MTU row per network: every container on it has the same MTU problem.
  if (mtu) rows.push({ field: 'hostWarning', name: t('Warning'), value: flagSentence(mtu, t) });
  return rows;
}

/** Tooltip lines for an endpoint: its interface in the container and the host-side veth of the pair. */
export function vethTooltipLines(
  endpoint: EndpointModel,
  observation: HostNetGathering | undefined,
  t: Translate,
): string[] {
  if (!observation || observation.kind !== 'facts' || !endpoint.running) return [];
  const unread = observation.unread.get(endpoint.containerId);
  if (unread)
    return [
      escapeMarkdown(
        t("The host-side veth is not shown: the container's interfaces could not be read ({0}).", unread.detail),
      ),
    ];
  const veth = observation.facts.veths.get(endpoint.key);
  const lines: string[] = [];
  if (veth?.containerInterface) {
    lines.push(
      field(
        t('Container interface'),
        `${veth.containerInterface.name} · ${interfaceSummary(veth.containerInterface, t)}`,
      ),
    );
  }
  if (veth?.hostVeth) {
    const master = veth.hostVeth.master ? ` · ${t('on {0}', veth.hostVeth.master)}` : '';
    lines.push(
      field(
        t('Host veth'),
        `${veth.hostVeth.name} (ifindex ${veth.hostVeth.ifindex}) · ${interfaceSummary(veth.hostVeth, t)}${master}`,
      ),
    );
  } else if (veth?.containerInterface) {
    lines.push(
      escapeMarkdown(
        t("No host interface has ifindex {0} (the peer of the container's interface).", veth.containerInterface.iflink),
      ),
    );
  }
  for (const flag of observation.facts.flags) {
    if (flag.kind === 'mtuAboveUplink' && flag.endpointKey === endpoint.key)
      lines.push(`⚠ ${escapeMarkdown(flagSentence(flag, t))}`);
  }
  return lines;
}
