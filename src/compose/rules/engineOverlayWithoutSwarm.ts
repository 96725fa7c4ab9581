import { replaceScalar } from './edits';
import type { Rule, RuleFinding } from './types';

/**
 * `driver: overlay` on an engine that cannot create an overlay network: one in no Swarm (the engine answers
 * "This node is not a swarm manager"), or a Swarm worker (only managers create Swarm-scoped networks).
 * External networks are not created by Compose, so they are left alone.
 */
export const engineOverlayWithoutSwarm: Rule = {
  id: 'engine-overlay-without-swarm',
  severity: 'error',
  category: 'engine',
  enabledByDefault: true,
  summary: 'An overlay network on an engine that is not a Swarm manager.',
  check(ctx) {
    if (!ctx.engine || ctx.engine.swarm === 'manager') return [];
    const out: RuleFinding[] = [];
    for (const n of ctx.model.networks) {
      const driver = n.driver;
      if (!driver || driver.unresolved || driver.value !== 'overlay' || n.external?.value) continue;
      const [why, manager] =
        ctx.engine.swarm === 'worker'
          ? [
              'the engine is a Swarm worker, and only managers create overlay networks',
              'a manager can promote this node with docker node promote',
            ]
          : [
              'the engine is not in a Swarm ("This node is not a swarm manager")',
              'docker swarm init makes this engine one',
            ];
      out.push({
        message: `Network "${n.name}" uses the overlay driver, but ${why}: "compose up" would fail. Run it against a Swarm manager (${manager}), or use the bridge driver for a single host.`,
        range: driver.range,
        fixes: [{ title: 'Use the bridge driver', edits: [replaceScalar(ctx.model.text, driver, 'bridge')] }],
      });
    }
    return out;
  },
};
