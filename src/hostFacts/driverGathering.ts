/**
 * The driver facts of one engine: `/info` and `GET /plugins` (two requests), plus, when the engine is local, the
 * legacy plugin files in the plugin directories and flanneld's subnet.env. A local file that cannot be read does
 * not fail the whole: the engine's part stays and the reason is kept for the user.
 */
import type { EngineApi } from '../engine/api';
import { buildDriverInventory, type DriverInventory } from '../model/drivers';
import { parseFlannelEnv, type FlannelEnv } from '../model/thirdPartyNetworks';
import { hostFactsAvailability, type HostFactsAvailability } from './locality';
import { readFlannelSubnetEnv, readLegacyPluginFiles } from './pluginFiles';

export interface DriverFacts {
  inventory: DriverInventory;
  /** Why the plugin directories and subnet.env were not read (a remote engine), when they were not. */
  local: HostFactsAvailability;
  /** flanneld's lease, when this host runs Flannel. */
  flannel?: FlannelEnv;
  /** Local files that could not be read, e.g. "/run/docker/plugins: EACCES". */
  unreadable: string[];
}

function reasonOf(what: string, error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return `${what}: ${e?.code ?? e?.message ?? String(error)}`;
}

export async function gatherDriverFacts(engine: EngineApi, directories: readonly string[]): Promise<DriverFacts> {
  const local = hostFactsAvailability(engine.endpoint);
  const [info, plugins] = await Promise.all([engine.info(), engine.plugins()]);
  const unreadable: string[] = [];
  let legacyFiles;
  let flannel: FlannelEnv | undefined;
  if (local.available) {
    [legacyFiles, flannel] = await Promise.all([
      readLegacyPluginFiles(directories).then(
        (files) => {
          if (!files) unreadable.push(`${directories.join(', ')}: none exists on this machine`);
          return files;
        },
        (error: unknown) => {
          unreadable.push(reasonOf(directories.join(', '), error));
          return undefined;
        },
      ),
      readFlannelSubnetEnv().then(
        (text) => (text === undefined ? undefined : parseFlannelEnv(text)),
        (error: unknown) => {
          unreadable.push(reasonOf('/run/flannel/subnet.env', error));
          return undefined;
        },
      ),
    ]);
  }
  return {
    inventory: buildDriverInventory({ info, plugins, ...(legacyFiles ? { legacyFiles } : {}) }),
    local,
    ...(flannel ? { flannel } : {}),
    unreadable,
  };
}
