/**
 * What the views say about drivers: a network's driver rows in Details (its kind, a missing or disabled plugin
 * with the fix, Weave Net, a Flannel-managed docker0) and the lines of Show Network Drivers. Pure; words via `t`.
 */
import type { DriverFacts } from '../../hostFacts/driverGathering';
import {
  driverUnavailable,
  networkDriverStates,
  type DriverEntry,
  type DriverKind,
  type DriverState,
} from '../../model/drivers';
import { recogniseThirdParty, type ThirdPartyNetwork } from '../../model/thirdPartyNetworks';
import type { NetworkModel } from '../../model/topology';
import type { DetailRow } from './networkText';
import type { Translate } from './text';

export function driverKindText(kind: DriverKind, t: Translate): string {
  switch (kind) {
    case 'builtIn':
      return t('built-in');
    case 'managedPlugin':
      return t('managed plugin');
    case 'legacyPlugin':
      return t('legacy plugin');
  }
}

/** "managed plugin · network, IPAM · disabled" */
export function driverEntryDescription(entry: DriverEntry, t: Translate): string {
  const roles = entry.roles.map((r) => (r === 'network' ? t('network') : t('IPAM')));
  const state =
    entry.kind === 'managedPlugin' && !entry.usable
      ? t('disabled')
      : entry.unanswered !== undefined
        ? t('not answering')
        : undefined;
  return [driverKindText(entry.kind, t), roles.length ? roles.join(', ') : t('role unknown'), state]
    .filter((x): x is string => !!x)
    .join(' · ');
}

/** The state of one driver of a network as a sentence: what it is, and for a problem why and what to do. */
export function driverStateSentence(state: DriverState, directories: readonly string[], t: Translate): string {
  switch (state.state) {
    case 'ok':
      return state.entry.source && state.entry.kind === 'legacyPlugin'
        ? t('{0} ({1}, {2})', state.entry.name, driverKindText(state.entry.kind, t), state.entry.source)
        : t('{0} ({1})', state.entry.name, driverKindText(state.entry.kind, t));
    case 'unchecked':
      return t(
        '{0} (legacy plugin; not checked: its socket is on the engine host, not on this machine)',
        state.entry.name,
      );
    case 'disabled':
      return t(
        'The managed plugin {0} is installed but disabled, so the network gets no new endpoints. Enable it: docker plugin enable {0}',
        state.entry.name,
      );
    case 'notAnswering':
      return t(
        'The legacy plugin {0} does not answer on {1} ({2}): its process is not running or hangs. Start the driver again (its service or container).',
        state.entry.name,
        state.entry.source ?? '',
        state.reason,
      );
    case 'missing':
      return t(
        'No driver named {0} is available: it is neither a managed plugin (docker plugin ls) nor a socket or spec file in {1}. Start the driver, or install and enable it: docker plugin install <plugin> then docker plugin enable {0}',
        state.name,
        directories.join(', '),
      );
  }
}

function thirdPartyRow(party: ThirdPartyNetwork, t: Translate): DetailRow[] {
  if (party.kind === 'weave') {
    const how =
      party.mode === 'weavemesh'
        ? t("Weave Net's own mesh driver (weavemesh, local scope): containers join the Weave mesh across hosts")
        : party.mode === 'weave'
          ? t("Weave Net's plugin driver (weave, global scope through the engine's key-value store)")
          : t('Weave Net as a managed plugin ({0})', party.driver);
    return [{ field: 'thirdParty', name: t('Weave Net'), value: how }];
  }
  const rows: DetailRow[] = [
    {
      field: 'thirdParty',
      name: t('Flannel'),
      value: t(
        'docker0 is managed by Flannel: flanneld leased {0} to this host (bridge address {1}, MTU {2}), from /run/flannel/subnet.env',
        party.flannelSubnet,
        party.flannelAddress,
        party.flannelMtu ?? t('not set'),
      ),
    },
  ];
  if (!party.subnetMatches)
    rows.push({
      field: 'driverProblem',
      name: t('Flannel mismatch'),
      value: t(
        'docker0 has {0} but Flannel leased {1}: containers get addresses other hosts cannot route to. Restart dockerd with --bip={2}',
        party.dockerSubnet ?? t('no subnet'),
        party.flannelSubnet,
        `${party.flannelAddress}/${party.flannelSubnet.split('/')[1]}`,
      ),
    });
  if (!party.mtuMatches)
    rows.push({
      field: 'driverProblem',
      name: t('Flannel mismatch'),
      value: t(
        "docker0's MTU is {0} but Flannel's is {1}: large packets are dropped in the overlay. Restart dockerd with --mtu={1}",
        party.dockerMtu,
        party.flannelMtu ?? '',
      ),
    });
  return rows;
}

/** The driver rows of a network's Details; one "reading" row before the first facts arrive. */
export function driverDetailRows(
  network: NetworkModel,
  facts: DriverFacts | undefined,
  directories: readonly string[],
  t: Translate,
): DetailRow[] {
  if (!facts) return [{ field: 'driver', name: t('Driver'), value: t('reading...') }];
  const states = networkDriverStates(network, facts.inventory);
  const rows: DetailRow[] = [];
  const push = (name: string, state: DriverState): void => {
    const problem = state.state === 'missing' || state.state === 'disabled' || state.state === 'notAnswering';
    rows.push({
      field: problem ? 'driverProblem' : 'driver',
      name: problem ? t('{0} unavailable', name) : name,
      value: driverStateSentence(state, directories, t),
    });
  };
  push(t('Driver'), states.network);
  if (states.ipam) push(t('IPAM driver'), states.ipam);
  const party = recogniseThirdParty(network, facts.flannel);
  if (party) rows.push(...thirdPartyRow(party, t));
  return rows;
}

/** Whether driverDetailRows names the network's IPAM driver (with its kind): a plugin's, not a built-in one. */
export function namesIpamDriver(network: NetworkModel, facts: DriverFacts | undefined): boolean {
  return facts !== undefined && networkDriverStates(network, facts.inventory).ipam !== undefined;
}

/** A few words for the network's description when a driver of it is unavailable (which one, when only IPAM). */
export function driverProblemBadge(network: NetworkModel, facts: DriverFacts | undefined, t: Translate): string {
  if (!facts) return '';
  const states = networkDriverStates(network, facts.inventory);
  if (driverUnavailable({ network: states.network })) return t('driver unavailable');
  return driverUnavailable(states) ? t('IPAM driver unavailable') : '';
}

/** The fix of a driver that cannot serve, for Show Network Drivers; undefined when it can. */
export function driverEntryProblem(entry: DriverEntry, t: Translate): { sentence: string; fix?: string } | undefined {
  if (entry.kind === 'managedPlugin' && !entry.usable)
    return {
      sentence: t('Disabled: networks using it get no new endpoints. Enable it: docker plugin enable {0}', entry.name),
      fix: `docker plugin enable ${entry.name}`,
    };
  if (entry.unanswered !== undefined)
    return {
      sentence: t(
        'Does not answer on {0} ({1}): start the driver again (its service or container).',
        entry.source ?? '',
        entry.unanswered,
      ),
    };
  if (entry.kind === 'legacyPlugin' && !entry.usable)
    return { sentence: t('A network uses it, but no socket or spec file of that name exists: start the driver.') };
  return undefined;
}
