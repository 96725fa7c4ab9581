import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { resolveEndpoint } from '../../../src/engine/endpoint';
import { EngineError } from '../../../src/engine/errors';
import { FakeHome } from './fakeHome';

function expectEngineError(run: () => unknown, pattern: RegExp): EngineError {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof EngineError, `expected an EngineError, got ${String(e)}`);
    assert.match(e.message, pattern);
    return e;
  }
  assert.fail('expected resolveEndpoint to throw');
}

describe('resolveEndpoint', () => {
  let home: FakeHome;
  beforeEach(() => {
    home = new FakeHome();
  });
  afterEach(() => home.remove());

  describe('platform default', () => {
    it('is the unix socket on Linux when nothing is configured', () => {
      const e = resolveEndpoint(home.input({}));
      assert.equal(e.source, 'default');
      assert.equal(e.kind, 'unix');
      assert.equal(e.socketPath, '/var/run/docker.sock');
      assert.equal(e.display, 'unix:///var/run/docker.sock');
      assert.equal(e.contextName, undefined);
    });

    it('is the named pipe on Windows', () => {
      const e = resolveEndpoint(home.input({}, { platform: 'win32' }));
      assert.equal(e.kind, 'npipe');
      assert.equal(e.socketPath, '//./pipe/docker_engine');
      assert.equal(e.display, 'npipe:////./pipe/docker_engine');
    });

    it('is used for the context named "default"', () => {
      home.write('.docker/config.json', JSON.stringify({ currentContext: 'default' }));
      const e = resolveEndpoint(home.input({}));
      assert.equal(e.source, 'default');
      assert.equal(e.contextName, 'default');
      assert.equal(e.socketPath, '/var/run/docker.sock');
    });

    it('is used when config.json names no context', () => {
      home.write('.docker/config.json', JSON.stringify({ auths: {} }));
      assert.equal(resolveEndpoint(home.input({})).source, 'default');
    });
  });

  describe('the setting dockerNetworks.host', () => {
    it('wins over DOCKER_HOST and the context', () => {
      home.context('remote', 'tcp://10.0.0.9:2375');
      home.write('.docker/config.json', JSON.stringify({ currentContext: 'remote' }));
      const e = resolveEndpoint(
        home.input({ DOCKER_HOST: 'tcp://10.0.0.8:2375' }, { setting: 'unix:///run/user/1000/docker.sock' }),
      );
      assert.equal(e.source, 'setting');
      assert.equal(e.kind, 'unix');
      assert.equal(e.socketPath, '/run/user/1000/docker.sock');
      assert.equal(e.display, 'unix:///run/user/1000/docker.sock');
    });

    it('is ignored when blank', () => {
      const e = resolveEndpoint(home.input({ DOCKER_HOST: 'tcp://10.0.0.8:2375' }, { setting: '   ' }));
      assert.equal(e.source, 'DOCKER_HOST');
    });

    it('takes a bare host:port as tcp', () => {
      const e = resolveEndpoint(home.input({}, { setting: 'dockerhost:2375' }));
      assert.equal(e.kind, 'tcp');
      assert.equal(e.host, 'dockerhost');
      assert.equal(e.port, 2375);
      assert.equal(e.protocol, 'http');
    });

    it('uses the TLS environment for a tcp host', () => {
      home.write('certs/ca.pem', 'CA');
      home.write('certs/cert.pem', 'CERT');
      home.write('certs/key.pem', 'KEY');
      const e = resolveEndpoint(
        home.input(
          { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: path.join(home.dir, 'certs') },
          { setting: 'tcp://engine.example:2376' },
        ),
      );
      assert.equal(e.protocol, 'https');
      assert.equal(e.tls?.verify, true);
      assert.equal(e.tls?.ca?.toString(), 'CA');
    });
  });

  describe('DOCKER_HOST', () => {
    it('wins over the context in force', () => {
      home.context('remote', 'tcp://10.0.0.9:2375');
      const e = resolveEndpoint(home.input({ DOCKER_HOST: 'unix:///tmp/other.sock', DOCKER_CONTEXT: 'remote' }));
      assert.equal(e.source, 'DOCKER_HOST');
      assert.equal(e.socketPath, '/tmp/other.sock');
    });

    it('tcp without TLS is plain http on 2375 by default', () => {
      const e = resolveEndpoint(home.input({ DOCKER_HOST: 'tcp://192.168.1.10' }));
      assert.deepEqual(
        { kind: e.kind, host: e.host, port: e.port, protocol: e.protocol, tls: e.tls, display: e.display },
        {
          kind: 'tcp',
          host: '192.168.1.10',
          port: 2375,
          protocol: 'http',
          tls: undefined,
          display: 'tcp://192.168.1.10:2375',
        },
      );
    });

    it('DOCKER_TLS_VERIFY with DOCKER_CERT_PATH gives verified TLS with that material, on 2376 by default', () => {
      home.write('certs/ca.pem', 'CA');
      home.write('certs/cert.pem', 'CERT');
      home.write('certs/key.pem', 'KEY');
      const e = resolveEndpoint(
        home.input({
          DOCKER_HOST: 'tcp://engine.example',
          DOCKER_TLS_VERIFY: '1',
          DOCKER_CERT_PATH: path.join(home.dir, 'certs'),
        }),
      );
      assert.equal(e.protocol, 'https');
      assert.equal(e.port, 2376);
      assert.equal(e.tls?.verify, true);
      assert.deepEqual([e.tls?.ca?.toString(), e.tls?.cert?.toString(), e.tls?.key?.toString()], ['CA', 'CERT', 'KEY']);
      assert.equal(e.display, 'tcp://engine.example:2376 (TLS)');
    });

    it('DOCKER_TLS_VERIFY without DOCKER_CERT_PATH reads ~/.docker', () => {
      home.write('.docker/ca.pem', 'HOME-CA');
      const e = resolveEndpoint(home.input({ DOCKER_HOST: 'tcp://engine.example:2376', DOCKER_TLS_VERIFY: 'yes' }));
      assert.equal(e.tls?.ca?.toString(), 'HOME-CA');
      assert.equal(e.tls?.cert, undefined);
    });

    it('port 2376 without DOCKER_TLS_VERIFY is TLS without verification', () => {
      const e = resolveEndpoint(home.input({ DOCKER_HOST: 'tcp://engine.example:2376' }));
      assert.equal(e.protocol, 'https');
      assert.equal(e.tls?.verify, false);
      assert.equal(e.display, 'tcp://engine.example:2376 (TLS, unverified)');
    });

    it('refuses a client certificate without its key', () => {
      home.write('certs/cert.pem', 'CERT');
      expectEngineError(
        () =>
          resolveEndpoint(
            home.input({
              DOCKER_HOST: 'tcp://h:2376',
              DOCKER_TLS_VERIFY: '1',
              DOCKER_CERT_PATH: path.join(home.dir, 'certs'),
            }),
          ),
        /cert\.pem without key\.pem/,
      );
    });

    it('keeps an IPv6 host without brackets and shows it with them', () => {
      const e = resolveEndpoint(home.input({ DOCKER_HOST: 'tcp://[fd00::5]:2375' }));
      assert.equal(e.host, 'fd00::5');
      assert.equal(e.display, 'tcp://[fd00::5]:2375');
    });

    it('ssh with user and port', () => {
      const e = resolveEndpoint(home.input({ DOCKER_HOST: 'ssh://deploy@build.example:2222' }));
      assert.deepEqual(
        { kind: e.kind, host: e.host, port: e.port, username: e.username, protocol: e.protocol, display: e.display },
        {
          kind: 'ssh',
          host: 'build.example',
          port: 2222,
          username: 'deploy',
          protocol: 'ssh',
          display: 'ssh://deploy@build.example:2222',
        },
      );
    });

    it('ssh without user defaults to port 22', () => {
      const e = resolveEndpoint(home.input({ DOCKER_HOST: 'ssh://build.example' }));
      assert.equal(e.port, 22);
      assert.equal(e.username, undefined);
      assert.equal(e.display, 'ssh://build.example');
    });

    it('ssh with a path is refused', () => {
      expectEngineError(() => resolveEndpoint(home.input({ DOCKER_HOST: 'ssh://h/var/run' })), /ssh:\/\/\[user@\]host/);
    });

    it('npipe with its path', () => {
      const e = resolveEndpoint(home.input({ DOCKER_HOST: 'npipe:////./pipe/docker_engine_linux' }));
      assert.equal(e.kind, 'npipe');
      assert.equal(e.socketPath, '//./pipe/docker_engine_linux');
    });

    it('unix:// without a path means the default socket', () => {
      assert.equal(resolveEndpoint(home.input({ DOCKER_HOST: 'unix://' })).socketPath, '/var/run/docker.sock');
    });

    it('an unknown scheme is a clear error naming the source and the supported schemes', () => {
      const e = expectEngineError(
        () => resolveEndpoint(home.input({ DOCKER_HOST: 'fd://' })),
        /"fd:\/\/" \(from DOCKER_HOST\) uses the unsupported scheme "fd:\/\/"\. Use unix:\/\/, tcp:\/\/, ssh:\/\/ or npipe:\/\//,
      );
      assert.equal(e.problem.kind, 'unreachable');
    });

    it('the same error for the setting names the setting', () => {
      expectEngineError(
        () => resolveEndpoint(home.input({}, { setting: 'http://localhost:2375' })),
        /from the setting dockerNetworks\.host/,
      );
    });
  });

  describe('Docker contexts', () => {
    it('DOCKER_CONTEXT selects a context with TLS material from the store', () => {
      home.context('prod', 'tcp://prod.example:2376', { tls: ['ca.pem', 'cert.pem', 'key.pem'] });
      const e = resolveEndpoint(home.input({ DOCKER_CONTEXT: 'prod' }));
      assert.equal(e.source, 'context');
      assert.equal(e.contextName, 'prod');
      assert.equal(e.host, 'prod.example');
      assert.equal(e.protocol, 'https');
      assert.equal(e.tls?.verify, true);
      assert.deepEqual(
        [e.tls?.ca?.toString(), e.tls?.cert?.toString(), e.tls?.key?.toString()],
        ['prod-ca.pem', 'prod-cert.pem', 'prod-key.pem'],
      );
    });

    it('currentContext of config.json is used when DOCKER_CONTEXT is unset', () => {
      home.context('rootless', 'unix:///run/user/1000/docker.sock');
      home.write('.docker/config.json', JSON.stringify({ currentContext: 'rootless' }));
      const e = resolveEndpoint(home.input({}));
      assert.equal(e.source, 'context');
      assert.equal(e.contextName, 'rootless');
      assert.equal(e.socketPath, '/run/user/1000/docker.sock');
    });

    it('DOCKER_CONTEXT wins over currentContext', () => {
      home.context('a', 'unix:///a.sock');
      home.context('b', 'unix:///b.sock');
      home.write('.docker/config.json', JSON.stringify({ currentContext: 'a' }));
      assert.equal(resolveEndpoint(home.input({ DOCKER_CONTEXT: 'b' })).socketPath, '/b.sock');
    });

    it('DOCKER_CONFIG moves config.json and the store', () => {
      home.context('elsewhere', 'ssh://me@remote.example', { configDir: 'cfg' });
      home.write('cfg/config.json', JSON.stringify({ currentContext: 'elsewhere' }));
      const e = resolveEndpoint(home.input({ DOCKER_CONFIG: path.join(home.dir, 'cfg') }));
      assert.equal(e.kind, 'ssh');
      assert.equal(e.display, 'ssh://me@remote.example');
    });

    it('SkipTLSVerify gives unverified TLS', () => {
      home.context('lab', 'tcp://lab.example:2376', { skipTls: true, tls: ['ca.pem'] });
      const e = resolveEndpoint(home.input({ DOCKER_CONTEXT: 'lab' }));
      assert.equal(e.tls?.verify, false);
      assert.equal(e.display, 'tcp://lab.example:2376 (TLS, unverified)');
    });

    it('a tcp context without TLS material is plain http', () => {
      home.context('plain', 'tcp://plain.example:2375');
      const e = resolveEndpoint(home.input({ DOCKER_CONTEXT: 'plain' }));
      assert.equal(e.protocol, 'http');
      assert.equal(e.tls, undefined);
    });

    it('a context that does not exist is a clear error naming it and the way out', () => {
      const e = expectEngineError(
        () => resolveEndpoint(home.input({ DOCKER_CONTEXT: 'gone' })),
        /Docker context "gone" \(named by DOCKER_CONTEXT\) does not exist.*docker context ls/,
      );
      assert.equal(e.problem.endpoint, 'context gone');
    });

    it('a missing currentContext names config.json as its origin', () => {
      home.write('.docker/config.json', JSON.stringify({ currentContext: 'gone' }));
      expectEngineError(() => resolveEndpoint(home.input({})), /"gone" \(named by .*config\.json\) does not exist/);
    });

    it('a config.json that is not JSON is a clear error', () => {
      home.write('.docker/config.json', '{ currentContext: ');
      expectEngineError(() => resolveEndpoint(home.input({})), /config\.json is not valid JSON/);
    });
  });
});
