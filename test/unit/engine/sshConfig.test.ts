import * as assert from 'node:assert/strict';
import { resolveEndpoint } from '../../../src/engine/endpoint';
import { sshConfigFor } from '../../../src/engine/sshConfig';
import { FakeHome } from './fakeHome';

const context = { homeDir: '/home/me', localUser: 'me' };

describe('ssh client configuration for ssh:// engines', () => {
  it('takes HostName, User, Port and IdentityFile of the matching Host block, the first value winning', () => {
    const text = [
      '# comment',
      'Host build-box',
      '  HostName 192.0.2.10',
      '  User ops',
      '  Port 2222',
      '  IdentityFile ~/.ssh/build_key',
      'Host *',
      '  User nobody',
      '  Port 22',
      '  IdentityFile ~/.ssh/id_other',
    ].join('\n');
    assert.deepEqual(sshConfigFor(text, 'build-box', context), {
      hostName: '192.0.2.10',
      user: 'ops',
      port: 2222,
      identityFiles: ['/home/me/.ssh/build_key', '/home/me/.ssh/id_other'],
    });
    assert.deepEqual(sshConfigFor(text, 'elsewhere', context), {
      user: 'nobody',
      port: 22,
      identityFiles: ['/home/me/.ssh/id_other'],
    });
  });

  it('matches wildcards and negations, case-insensitively, with key=value and quoted values', () => {
    const text = 'Host *.lab !db.lab\n  HostName=%h.example\n  IdentityFile "/keys/%r@%h"\nHOST db.lab\n  user dba';
    assert.deepEqual(sshConfigFor(text, 'web.lab', context), {
      hostName: 'web.lab.example',
      identityFiles: ['/keys/me@web.lab.example'],
    });
    assert.deepEqual(sshConfigFor(text, 'db.lab', context), { user: 'dba', identityFiles: [] });
    assert.deepEqual(sshConfigFor(text, 'web.lab2', context), { identityFiles: [] });
  });

  it('never applies the options of Match or Include blocks, and ignores a bad Port', () => {
    const text = 'Match host build-box\n  User wrong\nHost build-box\n  Port 99999\nInclude other.conf\n  User wrong';
    assert.deepEqual(sshConfigFor(text, 'build-box', context), { identityFiles: [] });
  });
});

describe('resolveEndpoint with ~/.ssh', () => {
  let home: FakeHome;
  beforeEach(() => {
    home = new FakeHome();
  });
  afterEach(() => home.remove());

  it('an alias from ~/.ssh/config gives the real host, user, port and the key file', () => {
    home.write(
      '.ssh/config',
      'Host engine\n  HostName 127.0.0.1\n  User root\n  Port 2222\n  IdentityFile ~/.ssh/engine_key\n',
    );
    home.write('.ssh/engine_key', 'KEY');
    const e = resolveEndpoint(home.input({ DOCKER_HOST: 'ssh://engine' }));
    assert.equal(e.host, '127.0.0.1');
    assert.equal(e.username, 'root');
    assert.equal(e.port, 2222);
    assert.equal(e.identityFile, `${home.dir}/.ssh/engine_key`);
    assert.equal(e.privateKey?.toString(), 'KEY');
    assert.equal(e.display, 'ssh://engine', 'users keep reading the address they wrote');
  });

  it("the address's own user and port win over the config", () => {
    home.write('.ssh/config', 'Host engine\n  User root\n  Port 2222\n');
    const e = resolveEndpoint(home.input({ DOCKER_HOST: 'ssh://me@engine:2200' }));
    assert.equal(e.username, 'me');
    assert.equal(e.port, 2200);
  });

  it("without IdentityFile the first of ssh's default key names that exists; none: ssh-agent only", () => {
    home.write('.ssh/id_rsa', 'RSA');
    home.write('.ssh/id_ecdsa', 'ECDSA');
    assert.equal(resolveEndpoint(home.input({ DOCKER_HOST: 'ssh://h' })).privateKey?.toString(), 'ECDSA');
    home.remove();
    const bare = resolveEndpoint(home.input({ DOCKER_HOST: 'ssh://h' }));
    assert.equal(bare.privateKey, undefined);
    assert.equal(bare.host, 'h');
  });

  it('an IdentityFile that does not exist is skipped for the next one', () => {
    home.write('.ssh/config', 'Host *\n  IdentityFile ~/.ssh/missing\n  IdentityFile ~/.ssh/present\n');
    home.write('.ssh/present', 'P');
    assert.equal(resolveEndpoint(home.input({ DOCKER_HOST: 'ssh://h' })).identityFile, `${home.dir}/.ssh/present`);
  });
});
