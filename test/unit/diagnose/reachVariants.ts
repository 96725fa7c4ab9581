/**
 * Edits of the recorded engine JSON (reachFixture.ts) for the cases the recording does not hold, each named after
 * what it changes, as `docker network connect`, an engine in another state or another `docker run` would: the
 * variant tests build their world from these inside each test (perTest coverage sees the analysis).
 */
import { type EngineJson, inspected, listed, networkJson, recorded, world, type World } from './reachFixture';

export type Edit = (json: EngineJson) => void;

export function edited(...edits: Edit[]): World {
  const json = recorded();
  for (const edit of edits) edit(json);
  return world(json);
}

/** `docker network connect`: dne-reach-<short> gets an endpoint on the network with this address. */
export const connect =
  (short: string, net: string, ip: string, gateway = ''): Edit =>
  (json) => {
    const network = networkJson(json, net);
    const attached = listed(json, short).NetworkSettings!.Networks!;
    attached[network.Name] = { NetworkID: network.Id, IPAddress: ip, IPPrefixLen: 24, Gateway: gateway };
  };

/** The container's list entry and inspect details both say this state. */
export const state =
  (short: string, status: string, flags: { Paused?: boolean; Restarting?: boolean } = {}): Edit =>
  (json) => {
    listed(json, short).State = status;
    inspected(json, short).State = { Status: status, Running: status === 'running', ...flags };
  };

export const networkMode =
  (short: string, mode: string): Edit =>
  (json) => {
    listed(json, short).HostConfig = { NetworkMode: mode };
  };

/** `--add-host` entries of the container ("name:address"). */
export const extraHosts =
  (short: string, ...entries: string[]): Edit =>
  (json) => {
    inspected(json, short).HostConfig!.ExtraHosts = entries;
  };
