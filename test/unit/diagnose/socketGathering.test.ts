import * as assert from 'node:assert/strict';
import type { EngineApi, ExecOptions, ExecResult } from '../../../src/engine/api';
import { activityRows, unavailableSentence } from '../../../src/explorer/present/activityText';
import { hostDetailRows } from '../../../src/explorer/present/hostNetText';
import { untranslated as t } from '../../../src/explorer/present/text';
import { observeActivity } from '../../../src/diagnose/sockets';
import { hostFactsAvailability, SocketGatherer } from '../../../src/hostFacts';
import { captured, captureSnapshot, procSample } from './procFixtures';

const snapshot = captureSnapshot();
const srv = captured(snapshot, 'srv');
const cli = captured(snapshot, 'cli');

/** A remote engine (tcp://) whose exec answers per container as told; only what the gatherer uses is real. */
function remoteEngine(answer: (container: string, options?: ExecOptions) => Promise<ExecResult>): EngineApi {
  const engine: Partial<EngineApi> = {
    endpoint: {
      source: 'setting',
      kind: 'tcp',
      host: '10.0.0.5',
      port: 2376,
      protocol: 'https',
      display: 'tcp://10.0.0.5:2376',
    },
    exec: (container, _cmd, options) => answer(container, options),
    inspectContainer: () => Promise.reject(new Error('no inspect expected on the exec path')),
  };
  return engine as EngineApi;
}

const ok = (stdout: string): ExecResult => ({ exitCode: 0, stdout, stderr: '', timedOut: false });

describe('diagnose: gathering socket tables through exec (remote engine)', () => {
  it('says host facts are not shown for a remote engine, and why', () => {
    const availability = hostFactsAvailability({ kind: 'tcp' });
    assert.deepEqual(availability, { available: false, reason: 'remote' });
    const network = [...snapshot.networks.values()][0]!;
    const rows = hostDetailRows(
      network,
      { kind: 'unavailable', availability: { available: false, reason: 'remote' } },
      'tcp://10.0.0.5:2376',
      t,
    );
    assert.equal(
      rows[0]?.value,
      "not shown: the engine at tcp://10.0.0.5:2376 is not on this machine, and its host's /proc and /sys cannot be read from here",
    );
    assert.deepEqual(hostFactsAvailability({ kind: 'unix' }, 'darwin'), { available: false, reason: 'notLinux' });
  });

  it('reads every container through exec and observes the connection', async () => {
    const engine = remoteEngine(async (id) =>
      ok(procSample(id === srv.id ? 'server-tcp-tcp6.txt' : 'client-tcp-tcp6.txt')),
    );
    const gathering = await new SocketGatherer(engine).gather([srv, cli]);
    assert.deepEqual(gathering.via, { host: 0, exec: 2 });
    assert.equal(gathering.engineRequests, 6);
    const activity = observeActivity(snapshot, gathering.readings);
    const rows = activityRows(cli.id, activity, snapshot, t).map((r) => `${r.label} ${r.description}`);
    assert.ok(rows.includes(`→ ${srv.name}:8080 established`), rows.join('\n'));
    assert.ok(rows.includes('→ 10.231.68.200 (outside):5555 no answer (SYN_SENT)'), rows.join('\n'));
  });

  it('turns a refused exec, a missing cat, a time-out and a truncated table into reasons or notes, never a rejection', async () => {
    const engine = remoteEngine(async (id) => {
      if (id === srv.id) throw Object.assign(new Error('409'), { problem: { message: 'Container is not running.' } });
      return {
        exitCode: 126,
        stdout: 'OCI runtime exec failed: exec: "cat": executable file not found in $PATH',
        stderr: '',
        timedOut: false,
      };
    });
    const gathering = await new SocketGatherer(engine).gather([srv, cli]);
    const activity = observeActivity(snapshot, gathering.readings);
    assert.equal(
      unavailableSentence(activity.unavailable.get(srv.id)!, t),
      'The engine refused to run cat in the container: Container is not running.',
    );
    assert.match(
      unavailableSentence(activity.unavailable.get(cli.id)!, t),
      /executable file not found.*The image may have no cat\.$/,
    );

    const slow = remoteEngine(async () => ({ stdout: '', stderr: '', timedOut: true }));
    const timedOut = observeActivity(
      snapshot,
      (await new SocketGatherer(slow).gather([cli], { timeoutMs: 10 })).readings,
    );
    assert.equal(timedOut.unavailable.get(cli.id)?.code, 'timeout');

    const cut = remoteEngine(async () => ({ ...ok(procSample('client-tcp-tcp6.txt').slice(0, 400)), truncated: true }));
    const truncated = observeActivity(snapshot, (await new SocketGatherer(cut).gather([cli])).readings);
    assert.ok(activityRows(cli.id, truncated, snapshot, t).some((r) => r.label === 'Incomplete'));
  });

  it('reads at most `concurrency` containers at once', async () => {
    let running = 0;
    let peak = 0;
    const engine = remoteEngine(async () => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return ok('');
    });
    const many = Array.from({ length: 20 }, (_, i) => ({ ...cli, id: `${i}`.padStart(64, 'a'), name: `c${i}` }));
    await new SocketGatherer(engine).gather(many, { concurrency: 3 });
    assert.equal(peak, 3);
  });
});
