/**
 * The Create Network wizard's driver choices: the built-in network drivers, then the engine's plugin drivers
 * (managed and legacy, from the driver inventory when it could be read, else from `/info` Plugins.Network); an IPAM
 * driver step when the engine has IPAM plugins; and, for a plugin driver, its options as `key=value` pairs.
 */
import * as vscode from 'vscode';
import type { EngineInfo } from '../../engine/records';
import { driverEntryDescription } from '../../explorer/present/driverText';
import { BUILT_IN_IPAM_DRIVERS, driversFor, isBuiltInDriver, type DriverInventory } from '../../model/drivers';
import { parseKeyValues } from '../../model/networkValidation';
import type { Prompter } from '../prompter';
import { messageOf } from '../validationMessages';
import { wizardStep, type WizardStep } from './stepList';
import { PLUGIN_OPTION_EXAMPLE, type WizardState } from './wizardState';

type Step = WizardStep<WizardState>;
const t = (message: string, ...args: Array<string | number | boolean>): string => vscode.l10n.t(message, ...args);

export interface DriverChoice {
  driver: string;
  plugin: boolean;
  /** What the pick shows beside the name: "managed plugin · network · disabled". */
  description?: string;
}

/** bridge, overlay when Swarm is active, macvlan, ipvlan, then every network plugin the engine has. */
export function availableDrivers(info: EngineInfo, inventory?: DriverInventory): DriverChoice[] {
  const drivers: DriverChoice[] = [{ driver: 'bridge', plugin: false }];
  if (info.Swarm?.LocalNodeState === 'active') drivers.push({ driver: 'overlay', plugin: false });
  drivers.push({ driver: 'macvlan', plugin: false }, { driver: 'ipvlan', plugin: false });
  const seen = new Set(drivers.map((d) => d.driver));
  const plugins: DriverChoice[] = [];
  for (const entry of inventory ? driversFor(inventory, 'network') : []) {
    if (entry.kind === 'builtIn' || seen.has(entry.name)) continue;
    seen.add(entry.name);
    plugins.push({ driver: entry.name, plugin: true, description: driverEntryDescription(entry, t) });
  }
  for (const name of info.Plugins?.Network ?? []) {
    if (isBuiltInDriver(name) || seen.has(name)) continue;
    seen.add(name);
    plugins.push({ driver: name, plugin: true, description: t('network plugin') });
  }
  return [...drivers, ...plugins.sort((a, b) => a.driver.localeCompare(b.driver))];
}

/** The IPAM drivers to offer: none (no step) when the engine has only its built-in ones. */
export function ipamChoices(inventory?: DriverInventory): DriverChoice[] {
  const plugins = inventory ? driversFor(inventory, 'ipam').filter((e) => e.kind !== 'builtIn') : [];
  if (plugins.length === 0) return [];
  return [
    { driver: BUILT_IN_IPAM_DRIVERS[0], plugin: false, description: t("the engine's own address management") },
    ...plugins.map((e) => ({ driver: e.name, plugin: true, description: driverEntryDescription(e, t) })),
  ];
}

export function ipamDriverStep(prompter: Prompter, choices: readonly DriverChoice[]): Step {
  return wizardStep<WizardState, string>(
    'ipamDriver',
    (s, position) =>
      prompter.pick({
        ...position,
        placeholder: t('IPAM driver (address management)'),
        items: choices.map((c) => ({
          label: c.driver,
          description: c.description,
          value: c.driver,
          picked: c.driver === (s.ipamDriver || 'default'),
        })),
      }),
    (s, driver) => (s.ipamDriver = driver === 'default' ? '' : driver),
  );
}

/** A plugin's options: the wizard cannot know their names, so they are typed as `key=value` pairs. */
export function pluginOptionsStep(prompter: Prompter): Step {
  return wizardStep<WizardState, string>(
    'pluginOptions',
    (s, position) =>
      prompter.input({
        ...position,
        prompt: t('Options for the {0} driver (optional): key=value pairs separated by commas', s.driver),
        placeholder: PLUGIN_OPTION_EXAMPLE,
        value: s.pluginOptions,
        validate: (v) => messageOf(parseKeyValues(v, PLUGIN_OPTION_EXAMPLE)),
      }),
    (s, v) => (s.pluginOptions = v),
  );
}
