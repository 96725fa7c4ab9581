import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { propertyBudget } from '../propertyBudget';
import { diffSnapshots } from '../../../src/model/diff';
import { SnapshotEditor, type ObjectUpdate } from '../../../src/model/incremental/snapshotEditor';
import { eventTarget } from '../../../src/model/incremental/eventTargets';
import { EngineWorld, operation } from './engineWorld';
import { assertSameAsFreshListing } from './snapshotOracle';

describe('SnapshotEditor: incremental updates equal a fresh listing', () => {
  it('after any operations, the updates of the objects their events name give buildSnapshot of the final listing, and the same diff', () => {
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 12 }),
        fc.array(fc.array(operation, { maxLength: 4 }), { maxLength: 10 }),
        fc.infiniteStream(fc.nat(100)),
        (setup, steps, noise) => {
          const world = new EngineWorld();
          for (const op of setup) world.apply(op);
          const editor = new SnapshotEditor(world.listing());
          for (const step of steps) {
            const events = step.flatMap((op) => world.apply(op));
            // Duplicated and reordered: each target is answered with the engine's present state.
            const listing = world.listing();
            const updates: ObjectUpdate[] = [];
            for (const event of [...events, ...events.filter(() => noise.next().value < 30)].sort(
              () => noise.next().value - 50,
            )) {
              const target = eventTarget(event);
              assert.ok(target, `every generated event names its object: ${JSON.stringify(event)}`);
              if (target.kind === 'container') {
                const record = target.gone ? undefined : listing.containers.find((c) => c.Id === target.id);
                updates.push({ kind: 'container', id: target.id, record });
              } else {
                const record = target.gone ? undefined : listing.networks.find((n) => n.Id === target.id);
                updates.push({ kind: 'network', id: target.id, record });
              }
            }
            const before = editor.snapshot;
            const { snapshot, diff } = editor.apply(updates);
            assertSameAsFreshListing(snapshot, listing);
            assert.deepStrictEqual(diff, diffSnapshots(before, snapshot), 'the diff is the full diff');
          }
        },
      ),
      propertyBudget(300),
    );
  });

  it('leaves the previous snapshot as it was: versions share structure, never mutate it', () => {
    const world = new EngineWorld();
    for (let i = 0; i < 40; i++) world.apply({ op: 'createContainer', name: i % 6, networks: [0], running: true });
    const initial = world.listing();
    const editor = new SnapshotEditor(initial);
    const versions = [editor.snapshot];
    for (let i = 0; i < 60; i++) {
      const events = world.apply(
        i % 3 === 2 ? { op: 'destroy', pick: i } : { op: 'createContainer', name: i % 6, networks: [0], running: true },
      );
      const listing = world.listing();
      const updates: ObjectUpdate[] = [];
      for (const target of events.map(eventTarget)) {
        if (target?.kind === 'container')
          updates.push({
            kind: 'container',
            id: target.id,
            record: listing.containers.find((c) => c.Id === target.id),
          });
      }
      versions.push(editor.apply(updates).snapshot);
    }
    assertSameAsFreshListing(versions[0], initial, 'the first version, after 60 more');
    assertSameAsFreshListing(editor.snapshot, world.listing(), 'the last version');
  });
});
