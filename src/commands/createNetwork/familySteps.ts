/**
 * The address steps of one family (IPv4, IPv6): the subnet, then, only when a subnet was given, the gateway, the
 * allocation range and the auxiliary addresses. The three optional inputs come from one address-step factory: each
 * is validated against the family's subnet and may stay empty.
 */
import * as vscode from 'vscode';
import type { Checked, IpFamily, ParsedCidr } from '../../model/networkValidation';
import { checkAuxAddresses, checkHostAddress, checkIpRange, checkNewSubnet } from '../../model/networkValidation';
import type { NetworkModel } from '../../model/topology';
import type { Prompter } from '../prompter';
import { messageOf } from '../validationMessages';
import { wizardStep, type WizardStep } from './stepList';
import { emptyFamily, type FamilyAnswers, type WizardState } from './wizardState';

type AddressField = 'gateway' | 'range' | 'aux';

interface AddressFieldSpec {
  /** The step id after the family, e.g. ipv4 + Gateway. */
  suffix: string;
  prompt(familyLabel: string): string;
  example: Record<IpFamily, string>;
  check(value: string, subnet: ParsedCidr, answers: FamilyAnswers): Checked<unknown>;
}

const ADDRESS_FIELDS: Record<AddressField, AddressFieldSpec> = {
  gateway: {
    suffix: 'Gateway',
    prompt: (label) => vscode.l10n.t('{0} gateway (optional, inside the subnet; empty: the engine picks one)', label),
    example: { ipv4: '10.42.0.1', ipv6: 'fd00:42::1' },
    check: (value, subnet) => checkHostAddress(value, subnet),
  },
  range: {
    suffix: 'Range',
    prompt: (label) =>
      vscode.l10n.t('{0} range to allocate container addresses from (optional, inside the subnet)', label),
    example: { ipv4: '10.42.0.128/25', ipv6: 'fd00:42::/80' },
    check: (value, subnet) => checkIpRange(value, subnet),
  },
  aux: {
    suffix: 'Aux',
    prompt: (label) =>
      vscode.l10n.t('{0} auxiliary addresses (optional): name=address pairs the engine must not assign', label),
    example: { ipv4: 'router=10.42.0.2', ipv6: 'router=fd00:42::2' },
    check: (value, subnet, answers) => checkAuxAddresses(value, subnet, answers.gateway || undefined),
  },
};

const FAMILY_LABEL: Record<IpFamily, string> = { ipv4: 'IPv4', ipv6: 'IPv6' };
const SUBNET_EXAMPLE: Record<IpFamily, string> = { ipv4: '10.42.0.0/24', ipv6: 'fd00:42::/64' };

function subnetPrompt(family: IpFamily): string {
  return family === 'ipv4'
    ? vscode.l10n.t('IPv4 subnet in CIDR notation (optional; empty: the engine picks a free one)')
    : vscode.l10n.t('IPv6 subnet in CIDR notation (optional; empty: no IPv6)');
}

/** The family's steps as the answers so far make them: the subnet alone, or the subnet and its three addresses. */
export function familySteps(
  prompter: Prompter,
  networks: readonly NetworkModel[],
  family: IpFamily,
  state: WizardState,
): WizardStep<WizardState>[] {
  const subnetStep = wizardStep<WizardState, string>(
    `${family}Subnet`,
    (s, position) =>
      prompter.input({
        ...position,
        prompt: subnetPrompt(family),
        placeholder: SUBNET_EXAMPLE[family],
        value: s[family].subnet,
        validate: (v) => (v.trim() ? messageOf(checkNewSubnet(v, family, networks)) : undefined),
      }),
    (s, v) => {
      const subnet = v.trim();
      // Without a subnet the engine picks the addresses: the earlier gateway, range and aux answers go.
      if (!subnet) s[family] = emptyFamily();
      else s[family].subnet = subnet;
    },
  );
  if (!state[family].subnet) return [subnetStep];
  const subnetOf = (s: WizardState): ParsedCidr | undefined => {
    const checked = checkNewSubnet(s[family].subnet, family, networks);
    return checked.ok ? checked.value : undefined;
  };
  const addressStep = (field: AddressField): WizardStep<WizardState> => {
    const spec = ADDRESS_FIELDS[field];
    return wizardStep<WizardState, string>(
      `${family}${spec.suffix}`,
      (s, position) =>
        prompter.input({
          ...position,
          prompt: spec.prompt(FAMILY_LABEL[family]),
          placeholder: spec.example[family],
          value: s[family][field],
          validate: (v) => {
            const subnet = subnetOf(s);
            return v.trim() && subnet ? messageOf(spec.check(v, subnet, s[family])) : undefined;
          },
        }),
      (s, v) => (s[family][field] = v.trim()),
    );
  };
  return [subnetStep, addressStep('gateway'), addressStep('range'), addressStep('aux')];
}
