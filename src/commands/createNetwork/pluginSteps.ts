/**
 * The Create Network wizard's driver choices: the built-in network drivers, then the engine's plugin drivers
 * (managed and legacy, from the driver inventory when it could be read, else from `/info` Plugins.Network), then
 * "Other driver..." to type a name (a legacy plugin of a remote engine that no network uses yet is in no list); an
 * IPAM driver step when the engine has IPAM plugins; and, for a plugin driver (network or IPAM), its options as
 * `key=value` pairs.
 */
import * as vscode from 'vscode';
import type { EngineInfo } from '../../engine/records';
import { driverEntryDescription } from '../../explorer/present/driverText';
import { BUILT_IN_IPAM_DRIVERS, driversFor, isBuiltInDriver, type DriverInventory } from '../../model/drivers';
import { parseKeyValues } from '../../model/networkValidation';
import type { Prompter } from '../prompter';
import type { WizardContext } from './wizard';
import { messageOf } from '../validationMessages';
import { wizardStep, type WizardStep } from './stepList';
import { PLUGIN_IPAM_OPTION_EXAMPLE, PLUGIN_OPTION_EXAMPLE, type WizardState } from './wizardState';

type Step = WizardStep<WizardState>;
const t = (message: string, ...args: Array<string | number | boolean>): string => vscode.l10n.t(message, ...args);

export interface DriverChoice {
  driver: string;
  plugin: boolean;
  /** What the pick shows beside the name: "managed plugin · network · disabled". */
  description?: string;
}

/**
 * bridge, overlay on a Swarm manager (a worker cannot create Swarm networks), macvlan, ipvlan, then every network
 * plugin the engine has.
 */
export function availableDrivers(info: EngineInfo, inventory?: DriverInventory): DriverChoice[] {
  const drivers: DriverChoice[] = [{ driver: 'bridge', plugin: false }];
  if (info.Swarm?.LocalNodeState === 'active' && info.Swarm.ControlAvailable) {
    drivers.push({ driver: 'overlay', plugin: false });
  }
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

/** The pick's value of "Other driver...": no driver is named ''. */
const OTHER_DRIVER = '';
/** A plugin name as the engine accepts it: "weave", "vendor/net:1.2", "registry:5000/vendor/net@sha256:...". */
const DRIVER_NAME = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/;

/** Another driver: the options chosen for the one before do not apply. */
function setDriver(s: WizardState, driver: string): void {
  if (driver !== s.driver) {
    s.optionKeys = [];
    s.options = {};
    s.pluginOptions = '';
  }
  s.driver = driver;
}

function driverStep({ prompter, info, drivers }: WizardContext): Step {
  return wizardStep<WizardState, string>(
    'driver',
    (s, position) =>
      prompter.pick({
        ...position,
        placeholder: t('Network driver'),
        items: [
          ...availableDrivers(info, drivers).map((x) => ({
            label: x.driver,
            description: x.description,
            value: x.driver,
            picked: !s.typedDriver && x.driver === s.driver,
          })),
          {
            label: t('Other driver...'),
            description: t('type the name of a plugin the engine has not listed'),
            value: OTHER_DRIVER,
            picked: s.typedDriver,
          },
        ],
      }),
    (s, driver) => {
      if (driver === OTHER_DRIVER) {
        if (!s.typedDriver) setDriver(s, '');
        s.typedDriver = true;
      } else {
        s.typedDriver = false;
        setDriver(s, driver);
      }
    },
  );
}

function driverNameStep(prompter: Prompter): Step {
  return wizardStep<WizardState, string>(
    'driverName',
    (s, position) =>
      prompter.input({
        ...position,
        prompt: t('Name of the network driver (a legacy plugin, or a managed plugin as name:tag)'),
        placeholder: 'weave',
        value: s.driver,
        validate: (v) =>
          DRIVER_NAME.test(v.trim())
            ? undefined
            : t(
                '"{0}" is not a driver name: letters, digits and . _ / : @ - only, starting with a letter or digit.',
                v,
              ),
      }),
    (s, v) => setDriver(s, v.trim()),
  );
}

/** The driver pick, and the name typed after "Other driver...". */
export function driverSteps(ctx: WizardContext, s: WizardState): Step[] {
  return [driverStep(ctx), ...(s.typedDriver ? [driverNameStep(ctx.prompter)] : [])];
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
    (s, driver) => {
      const chosen = driver === 'default' ? '' : driver;
      // Another IPAM driver: the options typed for the one before do not apply.
      if (chosen !== s.ipamDriver) s.ipamOptions = '';
      s.ipamDriver = chosen;
    },
  );
}

/** A plugin's options, typed as `key=value` pairs: the wizard cannot know their names. */
function keyValuesStep(
  prompter: Prompter,
  id: 'pluginOptions' | 'ipamOptions',
  prompt: (s: WizardState) => string,
  example: string,
): Step {
  return wizardStep<WizardState, string>(
    id,
    (s, position) =>
      prompter.input({
        ...position,
        prompt: prompt(s),
        placeholder: example,
        value: s[id],
        validate: (v) => messageOf(parseKeyValues(v, example)),
      }),
    (s, v) => (s[id] = v),
  );
}

/** A plugin network driver's options (`--opt`). */
export const pluginOptionsStep = (prompter: Prompter): Step =>
  keyValuesStep(
    prompter,
    'pluginOptions',
    (s) => t('Options for the {0} driver (optional): key=value pairs separated by commas', s.driver),
    PLUGIN_OPTION_EXAMPLE,
  );

/** A plugin IPAM driver's options (`--ipam-opt`); the built-in IPAM drivers get no such step. */
export const ipamOptionsStep = (prompter: Prompter): Step =>
  keyValuesStep(
    prompter,
    'ipamOptions',
    (s) => t('Options for the {0} IPAM driver (optional): key=value pairs separated by commas', s.ipamDriver),
    PLUGIN_IPAM_OPTION_EXAMPLE,
  );
