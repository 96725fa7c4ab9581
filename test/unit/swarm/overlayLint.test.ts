/** Compose lint on a Swarm: overlay is fine on a manager, an error on a worker and outside a Swarm. */
import * as assert from 'node:assert/strict';
import { lint } from '../compose/lintHelpers';
import { ENGINE } from '../compose/ruleCases';

const compose = 'services:\n  a:\n    image: x\n    networks: [back]\nnetworks:\n  back:\n    driver: overlay\n';
const overlayFindings = (swarm?: 'manager' | 'worker') =>
  lint(compose, { engine: { ...ENGINE, ...(swarm ? { swarm } : {}) } }).filter(
    (f) => f.rule === 'engine-overlay-without-swarm',
  );

describe('compose lint: overlay and the Swarm', () => {
  it('a Swarm manager creates overlay networks: no finding', () => {
    assert.deepEqual(overlayFindings('manager'), []);
  });

  it('a worker cannot: the finding says so', () => {
    const [finding] = overlayFindings('worker');
    assert.match(finding.message, /Swarm worker, and only managers create overlay networks/);
  });

  it('no engine answer: no engine-aware finding', () => {
    assert.deepEqual(
      lint(compose).filter((f) => f.rule === 'engine-overlay-without-swarm'),
      [],
    );
  });
});
