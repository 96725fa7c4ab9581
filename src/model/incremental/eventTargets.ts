/**
 * What an engine event says needs updating, read from the event's own attributes: the container or network it
 * names, and whether that object is gone (no request needed) or must be asked for (one targeted request).
 * - container events name the container in Actor.ID; `destroy` removes it, every other action (create, start,
 *   stop, die, kill, pause, unpause, restart, rename, update) changes what its listing record says.
 * - network connect / disconnect name the network in Actor.ID and the container in Actor.Attributes.container:
 *   the endpoint lives in the container's record (NetworkSettings.Networks), so the container is asked for,
 *   with what the answer must show: the engine sends `connect` before its container listing holds the new
 *   network (measured: a third of the answers asked on the event still lack it), so such an answer is early.
 * - network create / update: the network is asked for; destroy / remove: it is gone.
 * An event without the id it needs yields `undefined`: the caller falls back to a full listing.
 */
import type { EngineEvent } from '../../engine/records';

export interface EventTarget {
  kind: 'container' | 'network';
  id: string;
  /** The object is gone for good (ids are never reused), so nothing needs asking. */
  gone: boolean;
  /**
   * Where the event stands in its command's sequence: `kill` and `die` begin one (network disconnects, then a
   * stop, a destroy or a restart's start follow, on a busy engine up to a second later), `stop` and `start` end
   * it. PendingWork waits longer for a sequence that began and did not end.
   */
  sequence?: 'begins' | 'ends';
  /** A container's answer reflects this event only once it shows (or no longer shows) this network. */
  expect?: { networkId: string; attached: boolean };
}

const SEQUENCE: Readonly<Record<string, 'begins' | 'ends'>> = {
  kill: 'begins',
  die: 'begins',
  stop: 'ends',
  start: 'ends',
};

export function eventTarget(event: EngineEvent): EventTarget | undefined {
  const id = event.Actor?.ID;
  const action = event.Action ?? '';
  if (event.Type === 'container') {
    if (!id) return undefined;
    return { kind: 'container', id, gone: action === 'destroy', sequence: SEQUENCE[action] };
  }
  if (event.Type === 'network') {
    if (action === 'connect' || action === 'disconnect') {
      const container = event.Actor?.Attributes?.container;
      if (!container) return undefined;
      const expect = id ? { networkId: id, attached: action === 'connect' } : undefined;
      return { kind: 'container', id: container, gone: false, expect };
    }
    if (!id) return undefined;
    return { kind: 'network', id, gone: action === 'destroy' || action === 'remove' };
  }
  return undefined;
}
