/**
 * The Create Network wizard: name, driver, IPAM driver and its options (a plugin's), IPv4 then IPv6 addresses
 * (familySteps.ts), flags, driver options and their values, labels. Step objects over one state (wizardState.ts),
 * declared in the order a user meets them and run by stepList.ts. Everything goes through a Prompter, so unit tests
 * drive it with scripted answers.
 */
import * as vscode from 'vscode';
import type { CreateNetworkRequest } from '../../engine/api';
import type { EngineInfo } from '../../engine/records';
import { isBuiltInDriver, type DriverInventory } from '../../model/drivers';
import { checkLabels, checkNetworkName } from '../../model/networkValidation';
import type { NetworkModel } from '../../model/topology';
import type { Prompter } from '../prompter';
import { messageOf } from '../validationMessages';
import { driverOptionsFor, type DriverOption } from './driverOptions';
import { familySteps } from './familySteps';
import { driverSteps, ipamChoices, ipamDriverStep, ipamOptionsStep, pluginOptionsStep } from './pluginSteps';
import { runWizard, wizardStep, type WizardStep } from './stepList';
import { initialState, OVERLAY_ENCRYPTED_OPTION, toRequest, type NetworkFlag, type WizardState } from './wizardState';

export interface WizardContext {
  prompter: Prompter;
  /** The engine's networks now (names taken, subnets in use). */
  networks: readonly NetworkModel[];
  info: EngineInfo;
  /** The engine's drivers (managed and legacy plugins), when they could be read; else `info` names the plugins. */
  drivers?: DriverInventory;
}

type Step = WizardStep<WizardState>;

/** Runs the wizard; resolves the request to send, or undefined when the user cancelled. */
export async function runCreateNetworkWizard(ctx: WizardContext): Promise<CreateNetworkRequest | undefined> {
  const state = initialState();
  const completed = await runWizard(state, vscode.l10n.t('Create Network'), (s) => wizardSteps(ctx, s));
  return completed ? toRequest(state) : undefined;
}

/** Every step the answers so far call for, in order. */
function wizardSteps(ctx: WizardContext, s: WizardState): Step[] {
  const options = driverOptionsFor(s.driver);
  const chosen = options.filter((o) => s.optionKeys.includes(o.key));
  const ipam = ipamChoices(ctx.drivers);
  return [
    nameStep(ctx),
    ...driverSteps(ctx, s),
    ...(ipam.length > 0 ? [ipamDriverStep(ctx.prompter, ipam)] : []),
    ...(s.ipamDriver && !isBuiltInDriver(s.ipamDriver) ? [ipamOptionsStep(ctx.prompter)] : []),
    ...familySteps(ctx.prompter, ctx.networks, 'ipv4', s),
    ...familySteps(ctx.prompter, ctx.networks, 'ipv6', s),
    flagsStep(ctx.prompter, s.driver),
    ...(options.length > 0
      ? [optionsStep(ctx.prompter, options), ...chosen.map((o) => optionValueStep(ctx.prompter, o))]
      : []),
    ...(isBuiltInDriver(s.driver) ? [] : [pluginOptionsStep(ctx.prompter)]),
    labelsStep(ctx.prompter),
  ];
}

function nameStep({ prompter, networks }: WizardContext): Step {
  return wizardStep<WizardState, string>(
    'name',
    (s, position) =>
      prompter.input({
        ...position,
        prompt: vscode.l10n.t('Name of the new network'),
        placeholder: 'my-network',
        value: s.name,
        validate: (v) => messageOf(checkNetworkName(v, networks)),
      }),
    (s, v) => (s.name = v.trim()),
  );
}

function flagsStep(prompter: Prompter, driver: string): Step {
  return wizardStep<WizardState, NetworkFlag[]>(
    'flags',
    (s, position) =>
      prompter.pickMany<NetworkFlag>({
        ...position,
        placeholder: vscode.l10n.t('Network flags (none selected: a regular network)'),
        items: [
          {
            label: vscode.l10n.t('Internal'),
            description: vscode.l10n.t('no access to or from outside networks'),
            value: 'internal',
            picked: s.flags.includes('internal'),
          },
          {
            label: vscode.l10n.t('Attachable'),
            description: vscode.l10n.t('standalone containers may connect (overlay)'),
            value: 'attachable',
            picked: s.flags.includes('attachable'),
          },
          ...(driver === 'overlay'
            ? [
                {
                  label: vscode.l10n.t('Encrypted'),
                  description: vscode.l10n.t('IPsec between the Swarm nodes (option {0})', OVERLAY_ENCRYPTED_OPTION),
                  value: 'encrypted' as const,
                  picked: s.flags.includes('encrypted'),
                },
              ]
            : []),
        ],
      }),
    (s, flags) => (s.flags = flags),
  );
}

function optionsStep(prompter: Prompter, options: readonly DriverOption[]): Step {
  return wizardStep<WizardState, string[]>(
    'driverOptions',
    (s, position) =>
      prompter.pickMany({
        ...position,
        placeholder: vscode.l10n.t('Driver options to set (none: the engine defaults)'),
        items: options.map((o) => ({
          label: o.label,
          description: o.key,
          value: o.key,
          picked: s.optionKeys.includes(o.key),
        })),
      }),
    (s, keys) => {
      s.optionKeys = keys;
      for (const k of Object.keys(s.options)) if (!keys.includes(k)) delete s.options[k];
    },
  );
}

function optionValueStep(prompter: Prompter, option: DriverOption): Step {
  const id = `option:${option.key}`;
  const label = vscode.l10n.t('{0} ({1})', option.label, option.key);
  if (option.kind === 'choice') {
    return wizardStep<WizardState, string>(
      id,
      (s, position) =>
        prompter.pick({
          ...position,
          placeholder: label,
          items: option.choices.map((c) => ({ label: c, value: c, picked: s.options[option.key] === c })),
        }),
      (s, v) => (s.options[option.key] = v),
    );
  }
  return wizardStep<WizardState, string>(
    id,
    (s, position) =>
      prompter.input({
        ...position,
        prompt: label,
        placeholder: option.placeholder,
        value: s.options[option.key] ?? '',
        validate: (v) => option.validate(v),
      }),
    (s, v) => (s.options[option.key] = v.trim()),
  );
}

function labelsStep(prompter: Prompter): Step {
  return wizardStep<WizardState, string>(
    'labels',
    (s, position) =>
      prompter.input({
        ...position,
        prompt: vscode.l10n.t('Labels (optional): key=value pairs separated by commas'),
        placeholder: 'com.example.team=net, env=dev',
        value: s.labels,
        validate: (v) => messageOf(checkLabels(v)),
      }),
    (s, v) => (s.labels = v),
  );
}
