/**
 * The Create Network wizard's one state (every answer so far) and the request it turns into. Pure: no `vscode`,
 * so the request building is unit-tested directly.
 */
import type { CreateNetworkIpam, CreateNetworkRequest } from '../../engine/api';
import {
  checkAuxAddresses,
  checkLabels,
  checkNewSubnet,
  parseKeyValues,
  type IpFamily,
} from '../../model/networkValidation';

/** The example a plugin option's validation message shows. */
export const PLUGIN_OPTION_EXAMPLE = 'com.example.mtu=1450';
export const PLUGIN_IPAM_OPTION_EXAMPLE = 'com.example.pool=blue';

/** The answers for one address family: subnet, then (only with a subnet) gateway, range and aux addresses. */
export interface FamilyAnswers {
  subnet: string;
  gateway: string;
  range: string;
  aux: string;
}

export type NetworkFlag = 'internal' | 'attachable' | 'encrypted';

/**
 * The overlay driver's encryption switch: libnetwork's overlay driver reads the key `encrypted` (its presence,
 * any value), as `docker network create --opt encrypted` sends it.
 */
export const OVERLAY_ENCRYPTED_OPTION = 'encrypted';

export interface WizardState {
  name: string;
  driver: string;
  /** The driver was typed ("Other driver..."), not picked from the engine's list. */
  typedDriver: boolean;
  ipv4: FamilyAnswers;
  ipv6: FamilyAnswers;
  flags: NetworkFlag[];
  /** The driver options chosen, in the order offered; their values are in `options`. */
  optionKeys: string[];
  options: Record<string, string>;
  /** A plugin driver's options as typed: `key=value, ...` (the wizard knows no option of a plugin by name). */
  pluginOptions: string;
  /** '' for the engine's default IPAM driver. */
  ipamDriver: string;
  /** A plugin IPAM driver's options as typed: `key=value, ...` (sent as the IPAM options). */
  ipamOptions: string;
  labels: string;
}

export const emptyFamily = (): FamilyAnswers => ({ subnet: '', gateway: '', range: '', aux: '' });

export function initialState(): WizardState {
  return {
    name: '',
    driver: 'bridge',
    typedDriver: false,
    ipv4: emptyFamily(),
    ipv6: emptyFamily(),
    flags: [],
    optionKeys: [],
    options: {},
    pluginOptions: '',
    ipamDriver: '',
    ipamOptions: '',
    labels: '',
  };
}

function familyIpam(f: FamilyAnswers, family: IpFamily): CreateNetworkIpam | undefined {
  if (!f.subnet) return undefined;
  const ipam: CreateNetworkIpam = { subnet: f.subnet };
  if (f.gateway) ipam.gateway = f.gateway;
  if (f.range) ipam.ipRange = f.range;
  if (f.aux.trim()) {
    const subnet = checkNewSubnet(f.subnet, family, []);
    const aux = subnet.ok ? checkAuxAddresses(f.aux, subnet.value) : undefined;
    if (aux?.ok && Object.keys(aux.value).length > 0) ipam.auxAddresses = aux.value;
  }
  return ipam;
}

/** The engine request for the answers (validated as they were given). */
export function toRequest(s: WizardState): CreateNetworkRequest {
  const ipam = [familyIpam(s.ipv4, 'ipv4'), familyIpam(s.ipv6, 'ipv6')].filter((x): x is CreateNetworkIpam => !!x);
  const labels = checkLabels(s.labels);
  const request: CreateNetworkRequest = {
    name: s.name,
    driver: s.driver,
    internal: s.flags.includes('internal'),
    attachable: s.flags.includes('attachable'),
    enableIPv6: !!s.ipv6.subnet,
  };
  if (s.ipamDriver && s.ipamDriver !== 'default') {
    request.ipamDriver = s.ipamDriver;
    const ipamOptions = parseKeyValues(s.ipamOptions, PLUGIN_IPAM_OPTION_EXAMPLE);
    if (ipamOptions.ok && Object.keys(ipamOptions.value).length > 0) request.ipamOptions = ipamOptions.value;
  }
  if (ipam.length > 0) request.ipam = ipam;
  const pluginOptions = parseKeyValues(s.pluginOptions, PLUGIN_OPTION_EXAMPLE);
  const options = { ...s.options, ...(pluginOptions.ok ? pluginOptions.value : {}) };
  if (s.driver === 'overlay' && s.flags.includes('encrypted')) options[OVERLAY_ENCRYPTED_OPTION] = '';
  if (Object.keys(options).length > 0) request.options = options;
  if (labels.ok && Object.keys(labels.value).length > 0) request.labels = labels.value;
  return request;
}
