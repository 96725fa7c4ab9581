/** The driver options the Create Network wizard offers, per driver. */
import * as vscode from 'vscode';
import { checkInteger, checkInterfaceName, parseAddress } from '../../model/networkValidation';
import { messageOf } from '../validationMessages';

export type DriverOption =
  | { key: string; label: string; kind: 'choice'; choices: readonly string[] }
  | { key: string; label: string; kind: 'text'; placeholder: string; validate(value: string): string | undefined };

function bridgeOptions(): DriverOption[] {
  return [
    {
      key: 'com.docker.network.bridge.enable_icc',
      label: vscode.l10n.t('Inter-container communication (ICC)'),
      kind: 'choice',
      choices: ['true', 'false'],
    },
    {
      key: 'com.docker.network.bridge.enable_ip_masquerade',
      label: vscode.l10n.t('IP masquerading'),
      kind: 'choice',
      choices: ['true', 'false'],
    },
    {
      key: 'com.docker.network.driver.mtu',
      label: vscode.l10n.t('MTU'),
      kind: 'text',
      placeholder: '1500',
      validate: (v) => messageOf(checkInteger(v, 68, 65535)),
    },
    {
      key: 'com.docker.network.bridge.name',
      label: vscode.l10n.t('Bridge interface name'),
      kind: 'text',
      placeholder: 'br-mynet',
      validate: (v) => messageOf(checkInterfaceName(v)),
    },
    {
      key: 'com.docker.network.bridge.host_binding_ipv4',
      label: vscode.l10n.t('Default host IP for published ports'),
      kind: 'text',
      placeholder: '127.0.0.1',
      validate: (v) => messageOf(parseAddress(v, 'ipv4')),
    },
  ];
}

function parentOption(): DriverOption {
  return {
    key: 'parent',
    label: vscode.l10n.t('Parent interface'),
    kind: 'text',
    placeholder: 'eth0 or eth0.10',
    validate: (v) => messageOf(checkInterfaceName(v)),
  };
}

export function driverOptionsFor(driver: string): DriverOption[] {
  switch (driver) {
    case 'bridge':
      return bridgeOptions();
    case 'macvlan':
      return [
        parentOption(),
        {
          key: 'macvlan_mode',
          label: vscode.l10n.t('macvlan mode'),
          kind: 'choice',
          choices: ['bridge', 'vepa', 'passthru', 'private'],
        },
      ];
    case 'ipvlan':
      return [
        parentOption(),
        { key: 'ipvlan_mode', label: vscode.l10n.t('ipvlan mode'), kind: 'choice', choices: ['l2', 'l3', 'l3s'] },
      ];
    default:
      return [];
  }
}
