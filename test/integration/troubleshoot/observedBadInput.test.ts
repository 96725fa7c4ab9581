/**
 * Socket tables through exec against the real engine when things go wrong: an image without `cat` (built here
 * from busybox with `docker import`, holding only `sleep`) and a container that has stopped both give a reading
 * with a reason a user can act on, quickly, and the other containers are still read.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ExplorerApi } from '../../../src/extension';
import { unavailableSentence } from '../../../src/explorer/present/activityText';
import { untranslated } from '../../../src/explorer/present/text';
import { SocketGatherer } from '../../../src/hostFacts';
import { docker, removeResources, testImage, uniqueName } from '../support/docker';
import { explorerApi, waitConnected, waitForSnapshot } from '../explorer/explorerApi';

describe('troubleshoot: observed connections, bad input', function () {
  this.timeout(60_000);
  let api: ExplorerApi;
  const image = `${uniqueName('nocat')}:latest`;
  const noCat = uniqueName('nocat');
  const normal = uniqueName('withcat');
  const ids: Record<string, string> = {};

  before(async () => {
    api = await explorerApi();
    await waitConnected(api);
    const dir = mkdtempSync(path.join(tmpdir(), 'dne-nocat-'));
    try {
      mkdirSync(path.join(dir, 'bin'));
      const busybox = execFileSync('sh', ['-c', 'command -v busybox'], { encoding: 'utf8' }).trim();
      copyFileSync(busybox, path.join(dir, 'bin', 'sleep'));
      execFileSync('sh', ['-c', `tar -C "${dir}" -c . | docker import - ${image}`], { stdio: 'ignore' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    ids.noCat = docker('run', '-d', '--name', noCat, image, '/bin/sleep', '100000');
    ids.normal = docker('run', '-d', '--name', normal, testImage, 'sleep', '100000');
    await waitForSnapshot(
      api,
      (s) => s.containers.get(ids.noCat!)?.running === true && s.containers.get(ids.normal!)?.running === true,
    );
  });

  after(() => {
    removeResources({ containers: [noCat, normal] });
    docker('image', 'rm', image);
  });

  it('says the image may have no cat, and still reads the others', async () => {
    const engine = await api.services.engine();
    const containers = [api.feed.snapshot.containers.get(ids.noCat!)!, api.feed.snapshot.containers.get(ids.normal!)!];
    const started = Date.now();
    const gathering = await new SocketGatherer(engine).gather(containers, { forceExec: true, timeoutMs: 5_000 });
    assert.ok(Date.now() - started < 10_000, 'no hang');
    const failed = gathering.readings.find((r) => r.containerIds[0] === ids.noCat);
    assert.equal(failed?.result.kind, 'unavailable');
    if (failed?.result.kind !== 'unavailable') return;
    const sentence = unavailableSentence(failed.result.reason, untranslated);
    assert.match(sentence, /could not be read through exec: .*cat.*The image may have no cat\./);
    assert.equal(gathering.readings.find((r) => r.containerIds[0] === ids.normal)?.result.kind, 'rows');
  });

  it('says the container stopped when it is no longer running', async () => {
    const engine = await api.services.engine();
    const container = api.feed.snapshot.containers.get(ids.normal!)!;
    docker('stop', '-t', '0', normal);
    const gathering = await new SocketGatherer(engine).gather([container], { forceExec: true, timeoutMs: 5_000 });
    const [reading] = gathering.readings;
    assert.equal(reading?.result.kind, 'unavailable');
    if (reading?.result.kind !== 'unavailable') return;
    assert.equal(reading.result.reason.code, 'refused');
    assert.match(
      unavailableSentence(reading.result.reason, untranslated),
      /The engine refused to run cat in the container: .*not running/i,
    );
  });
});
