/**
 * The sentence for each analyzer fact, localized. `l10n` is vscode.l10n in the extension (the type-only import
 * keeps this file loadable in plain-Node tests, which pass a placeholder-filling stand-in).
 */
import type * as vscode from 'vscode';
import type { Fact } from '../diagnose/reachability/types';

export type L10n = Pick<typeof vscode.l10n, 't'>;

function p(fact: Fact, key: string): string {
  const value = fact.params[key];
  return value === undefined ? '' : String(value);
}

function roleText(l10n: L10n, role: string): string {
  return role === 'source' ? l10n.t('Source') : l10n.t('Target');
}

export function factText(l10n: L10n, f: Fact): string {
  switch (f.code) {
    case 'containerMissing':
      return l10n.t(
        '{0} container {1} no longer exists on the engine.',
        roleText(l10n, p(f, 'role')),
        p(f, 'container'),
      );
    case 'containerState':
      return f.status === 'ok'
        ? l10n.t('{0} {1} is running.', roleText(l10n, p(f, 'role')), p(f, 'container'))
        : l10n.t(
            '{0} {1} is {2}: a container that is not running has no network traffic. Start it (or unpause it) first.',
            roleText(l10n, p(f, 'role')),
            p(f, 'container'),
            p(f, 'state'),
          );
    case 'sharesNamespace':
      return l10n.t(
        '{0} uses the network namespace of {1} (network mode container:): its networks, addresses and ports are those of {1}.',
        p(f, 'container'),
        p(f, 'owner'),
      );
    case 'namespaceOwnerMissing':
      return l10n.t(
        '{0} shares the network namespace of {1}, which no longer exists: {0} has no network until it is recreated.',
        p(f, 'container'),
        p(f, 'owner'),
      );
    case 'sameNamespace':
      return l10n.t(
        '{0} and {1} share one network namespace: they reach each other on localhost (127.0.0.1).',
        p(f, 'source'),
        p(f, 'target'),
      );
    case 'hostMode':
      return l10n.t(
        "{0} uses the host's network namespace (network mode host): it has no address of its own and no Docker DNS.",
        p(f, 'container'),
      );
    case 'noneMode':
      return l10n.t(
        '{0} has network mode none: only its loopback interface exists, nothing outside it can be reached.',
        p(f, 'container'),
      );
    case 'sharedNetwork':
      return l10n.t(
        'Both are attached to {0} ({1}): source {2}, target {3}.',
        p(f, 'network'),
        p(f, 'driver'),
        p(f, 'sourceAddress'),
        p(f, 'targetAddress'),
      );
    case 'noSharedNetwork':
      return l10n.t(
        '{0} and {1} share no network: {0} is on {2}, {1} on {3}. Docker isolates networks from each other, so there is no direct path.',
        p(f, 'source'),
        p(f, 'target'),
        p(f, 'sourceNetworks'),
        p(f, 'targetNetworks'),
      );
    case 'iccDisabled':
      return l10n.t(
        '{0} is created with com.docker.network.bridge.enable_icc=false: the bridge drops traffic between its containers.',
        p(f, 'network'),
      );
    case 'internalNetwork':
      return l10n.t(
        '{0} is internal: its containers reach each other, but nothing outside the network.',
        p(f, 'network'),
      );
    case 'internalNoWayOut':
      return l10n.t(
        '{0} is only on internal networks ({1}): they have no gateway, so there is no way out of them, not even to the host.',
        p(f, 'container'),
        p(f, 'networks'),
      );
    case 'macvlanHost':
      return l10n.t(
        '{0} uses the {1} driver: the host and its own {1} containers cannot reach each other without a shim interface on the host.',
        p(f, 'network'),
        p(f, 'driver'),
      );
    case 'hostToContainer':
      return l10n.t(
        "From the host's namespace, {1} is reachable at its address on {0}.",
        p(f, 'network'),
        p(f, 'address'),
      );
    case 'containerToHost':
      return l10n.t(
        'The host ({2}) is reachable through the gateway of {0}: {1}.',
        p(f, 'network'),
        p(f, 'gateway'),
        p(f, 'target'),
      );
    case 'familyMismatch':
      return l10n.t(
        '{1} is an IPv6 address, but the source has no IPv6 address on {0}.',
        p(f, 'network'),
        p(f, 'address'),
      );
    case 'defaultBridgeNoDns':
      return l10n.t(
        'On the default bridge network ({0}) container names do not resolve: Docker\'s embedded DNS serves only user-defined networks, so "{1}" resolves only through a link or an extra host.',
        p(f, 'network'),
        p(f, 'name'),
      );
    case 'namesOnNetwork':
      return l10n.t('On {0} the embedded DNS answers for the target as: {1}.', p(f, 'network'), p(f, 'names'));
    case 'nameResolves':
      return l10n.t('"{0}" resolves on {1}.', p(f, 'name'), p(f, 'network'));
    case 'nameDoesNotResolve':
      return l10n.t('"{0}" does not resolve to {1} from the source.', p(f, 'name'), p(f, 'target'));
    case 'linkResolves':
      return l10n.t('"{0}" resolves through a legacy link of the source (on {1}).', p(f, 'name'), p(f, 'network'));
    case 'extraHostResolves':
      return f.status === 'ok'
        ? l10n.t('"{0}" is an extra host of the source: {1}.', p(f, 'name'), p(f, 'address'))
        : l10n.t(
            '"{0}" is an extra host of the source pointing to {1}, which is not the target\'s address on a shared network.',
            p(f, 'name'),
            p(f, 'address'),
          );
    case 'addressOnNetwork':
      return f.status === 'ok'
        ? l10n.t("{0} is the target's address on {1}.", p(f, 'address'), p(f, 'network'))
        : l10n.t('No container holds {0} on a network the source shares ({1}).', p(f, 'address'), p(f, 'network'));
    case 'outsideDocker':
      return l10n.t(
        "{0} is outside the networks Docker knows: traffic leaves through the gateway, and whether it arrives depends on the host's routes and firewall. The probe tells.",
        p(f, 'host'),
      );
    case 'listening':
      return l10n.t('Something listens on port {0}/{1} ({2}).', p(f, 'port'), p(f, 'protocol'), p(f, 'addresses'));
    case 'listeningLoopbackOnly':
      return l10n.t(
        'Port {0}/{1} listens on loopback only ({2}): other containers cannot reach it.',
        p(f, 'port'),
        p(f, 'protocol'),
        p(f, 'addresses'),
      );
    case 'notListening':
      return l10n.t('Nothing listens on port {0}/{1} in the target.', p(f, 'port'), p(f, 'protocol'));
    case 'listeningUnknown':
      return l10n.t(
        "Whether {0} listens on port {1}/{2} is not in the engine's data; the probe checks it.",
        p(f, 'container'),
        p(f, 'port'),
        p(f, 'protocol'),
      );
    case 'exposedPort':
      return l10n.t(
        'The image declares port {0}/{1} (EXPOSE); that documents it, it does not open it.',
        p(f, 'port'),
        p(f, 'protocol'),
      );
    case 'publishedPort':
      return l10n.t(
        'Port {0} is published on the host ({1}): the source can reach it through the host at {2}.',
        p(f, 'port'),
        p(f, 'bindings'),
        p(f, 'via'),
      );
    case 'publishedLoopbackOnly':
      return l10n.t(
        "Port {0} is published on the host's loopback only ({1}): other containers cannot use it.",
        p(f, 'port'),
        p(f, 'bindings'),
      );
    case 'notPublished':
      return l10n.t('Port {0}/{1} is not published on the host.', p(f, 'port'), p(f, 'protocol'));
    case 'udpUnconfirmed':
      return l10n.t(
        'UDP has no handshake: the probe can resolve the name but cannot confirm that port {0} answers.',
        p(f, 'port'),
      );
  }
}
