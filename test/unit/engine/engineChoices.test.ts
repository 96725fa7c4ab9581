import * as assert from 'node:assert/strict';
import { listEngineChoices } from '../../../src/engine/engineChoices';
import { resolveEndpoint } from '../../../src/engine/endpoint';
import { FakeHome } from './fakeHome';

/** What a user reads in Switch Engine: label, address, which is in use, which the Docker CLI uses. */
function rows(choices: ReturnType<typeof listEngineChoices>): string[] {
  return choices.map((c) => `${c.active ? '*' : ' '}${c.cliCurrent ? 'cli' : '   '} ${c.label} ${c.address}`);
}

describe('Switch Engine choices', () => {
  let home: FakeHome;
  beforeEach(() => {
    home = new FakeHome();
    home.context('remote', 'ssh://ops@build-box', { description: 'the build machine' });
    home.context('swarm', 'tcp://10.0.0.5:2376', { tls: ['ca.pem', 'cert.pem', 'key.pem'] });
  });
  afterEach(() => home.remove());

  it('lists default first, then every context of the store by name, with its endpoint and description', () => {
    const choices = listEngineChoices(home.input({}));
    assert.deepEqual(rows(choices), [
      '*cli default unix:///var/run/docker.sock',
      '     remote ssh://ops@build-box',
      '     swarm tcp://10.0.0.5:2376',
    ]);
    assert.equal(choices[1]!.description, 'the build machine');
    assert.deepEqual(choices[2]!.selection, { kind: 'context', name: 'swarm' });
  });

  it("marks the CLI's current context (config.json) as current and in use", () => {
    home.write('.docker/config.json', JSON.stringify({ currentContext: 'remote' }));
    assert.deepEqual(rows(listEngineChoices(home.input({}))), [
      '     default unix:///var/run/docker.sock',
      '*cli remote ssh://ops@build-box',
      '     swarm tcp://10.0.0.5:2376',
    ]);
  });

  it('DOCKER_HOST is a choice of its own and in use over the CLI context, as resolution decides', () => {
    home.write('.docker/config.json', JSON.stringify({ currentContext: 'remote' }));
    const input = home.input({ DOCKER_HOST: 'tcp://127.0.0.1:2375' });
    assert.deepEqual(rows(listEngineChoices(input)), [
      '     default unix:///var/run/docker.sock',
      ' cli remote ssh://ops@build-box',
      '     swarm tcp://10.0.0.5:2376',
      '*    tcp://127.0.0.1:2375 tcp://127.0.0.1:2375',
    ]);
    assert.equal(resolveEndpoint(input).source, 'DOCKER_HOST');
  });

  it('the context setting wins over DOCKER_HOST and the CLI context; resolution opens that context with its TLS', () => {
    const input = home.input({ DOCKER_HOST: 'tcp://127.0.0.1:2375' }, { contextSetting: 'swarm' });
    const active = listEngineChoices(input).filter((c) => c.active);
    assert.deepEqual(
      active.map((c) => c.label),
      ['swarm'],
    );
    const endpoint = resolveEndpoint(input);
    assert.equal(endpoint.contextName, 'swarm');
    assert.equal(endpoint.display, 'tcp://10.0.0.5:2376 (TLS)');
    assert.equal(endpoint.tls?.ca?.toString(), 'swarm-ca.pem');
  });

  it('the host setting wins over everything, and is listed as an address', () => {
    const input = home.input({}, { setting: 'unix:///run/other.sock', contextSetting: 'remote' });
    assert.deepEqual(
      listEngineChoices(input)
        .filter((c) => c.active)
        .map((c) => [c.label, c.selection.kind]),
      [['unix:///run/other.sock', 'host']],
    );
    assert.equal(resolveEndpoint(input).display, 'unix:///run/other.sock');
  });

  it('the context setting "default" means the platform default even when DOCKER_HOST is set', () => {
    const input = home.input({ DOCKER_HOST: 'tcp://127.0.0.1:2375' }, { contextSetting: 'default' });
    assert.equal(resolveEndpoint(input).display, 'unix:///var/run/docker.sock');
    assert.deepEqual(
      listEngineChoices(input)
        .filter((c) => c.active)
        .map((c) => c.label),
      ['default'],
    );
  });

  it('a context setting naming a context that is gone is a clear error naming the setting', () => {
    assert.throws(
      () => resolveEndpoint(home.input({}, { contextSetting: 'gone' })),
      /The Docker context "gone" \(named by the setting dockerNetworks.context\) does not exist/,
    );
  });

  it('a broken meta.json or config.json hides nothing else', () => {
    home.write('.docker/contexts/meta/0000/meta.json', '{ not json');
    home.write('.docker/config.json', '{ not json');
    assert.deepEqual(
      listEngineChoices(home.input({})).map((c) => c.label),
      ['default', 'remote', 'swarm'],
    );
  });

  it('without a context store there is only the default context', () => {
    home.remove();
    assert.deepEqual(rows(listEngineChoices(home.input({}))), ['*cli default unix:///var/run/docker.sock']);
  });
});
