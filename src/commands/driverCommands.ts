/**
 * dockerNetworks.showNetworkDrivers: the engine's network and IPAM drivers in a quick pick (built-in, managed
 * plugins, legacy plugins), each with its roles and, for one that cannot serve, why and the fix; picking a disabled
 * managed plugin copies `docker plugin enable <name>`.
 */
import * as vscode from 'vscode';
import { pluginDirectories } from '../explorer/driverDetails';
import { hostFactsUnavailableSentence } from '../explorer/present/activityText';
import { driverEntryDescription, driverEntryProblem } from '../explorer/present/driverText';
import type { Translate } from '../explorer/present/text';
import { gatherDriverFacts, type DriverFacts } from '../hostFacts/driverGathering';
import type { DriverEntry } from '../model/drivers';
import { prompterFrom } from './operationSupport';
import type { CommandEntry, CommandServices } from './services';

const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

function placeholder(facts: DriverFacts, engine: string): string {
  const head = t('Network and IPAM drivers of the engine at {0}', engine);
  if (!facts.local.available)
    return `${head}. ${t('Legacy plugin sockets:')} ${hostFactsUnavailableSentence(facts.local, engine, t)}`;
  if (facts.unreadable.length) return `${head}. ${t('Not read: {0}', facts.unreadable.join('; '))}`;
  return head;
}

/** Resolves the entry the user picked (undefined when dismissed). */
export async function showNetworkDrivers(
  services: CommandServices,
  args: readonly unknown[],
): Promise<DriverEntry | undefined> {
  const prompter = prompterFrom(args);
  const engine = await services.engine();
  const facts = await prompter.withProgress(t("Listing the engine's network drivers..."), () =>
    gatherDriverFacts(engine, pluginDirectories()),
  );
  const picked = await prompter.pick<DriverEntry>({
    id: 'drivers',
    title: t('Network Drivers'),
    step: 1,
    totalSteps: 1,
    canGoBack: false,
    placeholder: placeholder(facts, engine.endpoint.display),
    items: facts.inventory.entries.map((entry) => {
      const problem = driverEntryProblem(entry, t);
      return {
        label: problem ? `$(warning) ${entry.name}` : entry.name,
        description: driverEntryDescription(entry, t),
        detail: problem?.sentence ?? (entry.source && entry.kind === 'legacyPlugin' ? entry.source : undefined),
        value: entry,
      };
    }),
  });
  if (!picked || typeof picked !== 'object') return undefined;
  const fix = driverEntryProblem(picked, t)?.fix;
  if (fix) {
    await prompter.copy(fix);
    void prompter.notify({
      level: 'info',
      message: t('Copied "{0}": run it in a terminal on the engine\'s host.', fix),
    });
  }
  return picked;
}

export const driverCommands: CommandEntry[] = [
  { id: 'dockerNetworks.showNetworkDrivers', run: (services, ...args) => showNetworkDrivers(services, args) },
];
