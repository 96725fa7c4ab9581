/**
 * The reachability report as the user reads it (reachWording.ts), over the recorded engine JSON: shared namespaces
 * (container:X), containers that do not run or are gone, ports and sockets, typed addresses of the target. The
 * expected lines are written here.
 */
import * as assert from 'node:assert/strict';
import { analyzeReachability } from '../../../src/diagnose/reachability/analyze';
import { details, id, snapshot } from './reachFixture';
import { createFix, describeWording, running, wording, type WordingCase } from './reachWording';

const CASES: WordingCase[] = [
  {
    title: 'web to sidecar by its own name',
    ask: { from: 'web', to: 'sidecar' },
    lines: [
      'verdict: notReachable',
      ...running('web', 'sidecar'),
      'info: dne-reach-sidecar uses the network namespace of dne-reach-api (network mode container:): its networks, addresses and ports are those of dne-reach-api. [HostConfig.NetworkMode (dne-reach-sidecar)]',
      'ok: Target dne-reach-api is running. [State.Status (dne-reach-api)]',
      'ok: Both are attached to dne-reach-front (bridge): source 172.30.60.2, target 172.30.60.3. [NetworkSettings.Networks.dne-reach-front (dne-reach-front)]',
      'info: On dne-reach-front the embedded DNS answers for the target as: dne-reach-api, 27c587636cdb. [NetworkSettings.Networks.dne-reach-front.Aliases (dne-reach-api)]',
      'problem: "dne-reach-sidecar" does not resolve to dne-reach-api from the source. [NetworkSettings.Networks (dne-reach-web)]',
      "fix: Re-check with the name dne-reach-api (This name resolves on dne-reach-front; use it in the source's configuration.)",
      'fix: Re-check with the address 172.30.60.3 (No name resolves here; the address works but may change when the container is recreated.)',
      'probe: tcp dne-reach-sidecar at 172.30.60.3 port -',
      'path: dne-reach-front',
    ],
  },
  {
    title: 'sidecar to api:80, the same namespace',
    ask: { from: 'sidecar', to: 'api', port: 80 },
    lines: [
      'verdict: reachable',
      ...running('sidecar', 'api'),
      'info: dne-reach-sidecar uses the network namespace of dne-reach-api (network mode container:): its networks, addresses and ports are those of dne-reach-api. [HostConfig.NetworkMode (dne-reach-sidecar)]',
      ...running('api'),
      'ok: dne-reach-sidecar and dne-reach-api share one network namespace: they reach each other on localhost (127.0.0.1). [HostConfig.NetworkMode (dne-reach-api)]',
      "info: Whether dne-reach-api listens on port 80/tcp is not in the engine's data; the probe checks it. [/proc/net/tcp, /proc/net/tcp6 (dne-reach-api)]",
      'probe: tcp - at 127.0.0.1 port 80',
      'path: -',
    ],
  },
  {
    title: 'web to a created container',
    ask: { from: 'web', to: 'stopped' },
    lines: [
      'verdict: notReachable',
      ...running('web'),
      'problem: Target dne-reach-stopped is created: a container that is not running has no network traffic. Start it (or unpause it) first. [State.Status (dne-reach-stopped)]',
      'fix: Start dne-reach-stopped (docker start dne-reach-stopped)',
      'probe: tcp - at - port -',
      'path: -',
    ],
  },
  {
    title: 'web to a paused container',
    ask: { from: 'web', to: 'paused' },
    lines: [
      'verdict: notReachable',
      ...running('web'),
      'problem: Target dne-reach-paused is paused: a container that is not running has no network traffic. Start it (or unpause it) first. [State.Status (dne-reach-paused)]',
      'fix: Start dne-reach-paused (docker start dne-reach-paused)',
      'probe: tcp - at - port -',
      'path: -',
    ],
  },
  {
    title: 'api to web:53/udp',
    ask: { from: 'api', to: 'web', port: 53, protocol: 'udp' },
    lines: [
      'verdict: reachable',
      ...running('api', 'web'),
      'ok: Both are attached to dne-reach-front (bridge): source 172.30.60.3, target 172.30.60.2. [NetworkSettings.Networks.dne-reach-front (dne-reach-front)]',
      'info: On dne-reach-front the embedded DNS answers for the target as: dne-reach-web, frontend, www, 413f9e9ad86b. [NetworkSettings.Networks.dne-reach-front.Aliases (dne-reach-web)]',
      'ok: "dne-reach-web" resolves on dne-reach-front. [NetworkSettings.Networks.dne-reach-front.Aliases (dne-reach-web)]',
      "info: Whether dne-reach-web listens on port 53/udp is not in the engine's data; the probe checks it. [/proc/net/udp, /proc/net/udp6 (dne-reach-web)]",
      'info: UDP has no handshake: the probe can resolve the name but cannot confirm that port 53 answers. [Ports (dne-reach-web)]',
      'probe: udp dne-reach-web at 172.30.60.2 port 53',
      'path: dne-reach-front',
    ],
  },
  {
    title: 'api to web by an IPv6 address',
    ask: { from: 'api', to: 'web', as: 'fd00::2' },
    lines: [
      'verdict: notReachable',
      ...running('api', 'web'),
      'ok: Both are attached to dne-reach-front (bridge): source 172.30.60.3, target 172.30.60.2. [NetworkSettings.Networks.dne-reach-front (dne-reach-front)]',
      'problem: fd00::2 is an IPv6 address, but the source has no IPv6 address on dne-reach-front. [NetworkSettings.Networks.dne-reach-front.GlobalIPv6Address (dne-reach-front)]',
      'fix: Connect dne-reach-web to dne-reach-back',
      createFix('api', 'web'),
      'probe: tcp - at fd00::2 port -',
      'path: dne-reach-front',
    ],
  },
  {
    title: 'api to web by an address web does not hold',
    ask: { from: 'api', to: 'web', as: '172.30.60.77' },
    lines: [
      'verdict: notReachable',
      ...running('api', 'web'),
      'ok: Both are attached to dne-reach-front (bridge): source 172.30.60.3, target 172.30.60.2. [NetworkSettings.Networks.dne-reach-front (dne-reach-front)]',
      'problem: No container holds 172.30.60.77 on a network the source shares (-). [NetworkSettings.Networks (dne-reach-web)]',
      "fix: Re-check with the name dne-reach-web (This name resolves on dne-reach-front; use it in the source's configuration.)",
      'fix: Re-check with the address 172.30.60.2 (No name resolves here; the address works but may change when the container is recreated.)',
      'probe: tcp - at 172.30.60.2 port -',
      'path: dne-reach-front',
    ],
  },
  {
    title: "web to sidecar:80, the sockets read in sidecar's own process",
    ask: {
      from: 'web',
      to: 'sidecar',
      as: 'dne-reach-api',
      port: 80,
      listening: { sidecar: [{ port: 80, protocol: 'tcp', address: '0.0.0.0' }] },
    },
    lines: [
      'verdict: reachable',
      ...running('web', 'sidecar'),
      'info: dne-reach-sidecar uses the network namespace of dne-reach-api (network mode container:): its networks, addresses and ports are those of dne-reach-api. [HostConfig.NetworkMode (dne-reach-sidecar)]',
      'ok: Target dne-reach-api is running. [State.Status (dne-reach-api)]',
      'ok: Both are attached to dne-reach-front (bridge): source 172.30.60.2, target 172.30.60.3. [NetworkSettings.Networks.dne-reach-front (dne-reach-front)]',
      'info: On dne-reach-front the embedded DNS answers for the target as: dne-reach-api, 27c587636cdb. [NetworkSettings.Networks.dne-reach-front.Aliases (dne-reach-api)]',
      'ok: "dne-reach-api" resolves on dne-reach-front. [NetworkSettings.Networks.dne-reach-front.Aliases (dne-reach-api)]',
      'ok: Something listens on port 80/tcp (0.0.0.0). [/proc/net/tcp, /proc/net/tcp6 (dne-reach-api)]',
      'probe: tcp dne-reach-api at 172.30.60.3 port 80',
      'path: dne-reach-front',
    ],
  },
  {
    title: 'api to web:80 listening on loopback only',
    ask: {
      from: 'api',
      to: 'web',
      port: 80,
      listening: { web: [{ port: 80, protocol: 'tcp', address: '127.0.0.1' }] },
    },
    lines: [
      'verdict: notReachable',
      ...running('api', 'web'),
      'ok: Both are attached to dne-reach-front (bridge): source 172.30.60.3, target 172.30.60.2. [NetworkSettings.Networks.dne-reach-front (dne-reach-front)]',
      'info: On dne-reach-front the embedded DNS answers for the target as: dne-reach-web, frontend, www, 413f9e9ad86b. [NetworkSettings.Networks.dne-reach-front.Aliases (dne-reach-web)]',
      'ok: "dne-reach-web" resolves on dne-reach-front. [NetworkSettings.Networks.dne-reach-front.Aliases (dne-reach-web)]',
      'problem: Port 80/tcp listens on loopback only (127.0.0.1): other containers cannot reach it. [/proc/net/tcp, /proc/net/tcp6 (dne-reach-web)]',
      'fix: Make dne-reach-web listen on 0.0.0.0:80 (The service binds to loopback: configure it to bind to all interfaces (0.0.0.0 or ::).)',
      'probe: tcp dne-reach-web at 172.30.60.2 port 80',
      'path: dne-reach-front',
    ],
  },
];

describeWording('reachability report wording: namespaces, states and ports (recorded engine JSON)', CASES);

describe('reachability report wording: containers that are gone (recorded engine JSON)', () => {
  it('a source that no longer exists', () => {
    const report = analyzeReachability(
      { sourceId: 'gone', target: { kind: 'host', host: 'x' } },
      { snapshot, details },
    );
    assert.deepEqual(wording(report, { snapshot }), [
      'verdict: unknown',
      'problem: Source container gone no longer exists on the engine. [Id (gone)]',
      'probe: tcp - at - port -',
      'path: -',
    ]);
  });

  it('a target removed meanwhile', () => {
    const target = { kind: 'container', containerId: 'gone' } as const;
    const report = analyzeReachability({ sourceId: id('web'), target, port: 80 }, { snapshot, details });
    assert.deepEqual(wording(report, { snapshot }), [
      'verdict: notReachable',
      ...running('web'),
      'problem: Target container gone no longer exists on the engine. [Id (gone)]',
      'probe: tcp - at - port -',
      'path: -',
    ]);
  });
});
