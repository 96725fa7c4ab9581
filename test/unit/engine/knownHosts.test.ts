import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { knownHostKeys } from '../../../src/engine/knownHosts';
import { resolveEndpoint } from '../../../src/engine/endpoint';
import { FakeHome } from './fakeHome';

function hashed(name: string, salt = Buffer.from('0123456789abcdefghij')): string {
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

describe('known_hosts for ssh:// engines', () => {
  it('finds the keys of a host on port 22 by name, pattern list and hashed name', () => {
    const text = [
      '# comment',
      'build-box,192.0.2.10 ssh-ed25519 KEY1',
      '*.lab,!db.lab ssh-rsa KEY2',
      `${hashed('web.lab')} ecdsa-sha2-nistp256 KEY3`,
      'other ssh-ed25519 KEY4',
    ].join('\n');
    assert.deepEqual(knownHostKeys(text, '192.0.2.10', 22).accepted, ['KEY1']);
    assert.deepEqual(knownHostKeys(text, 'web.lab', 22).accepted, ['KEY2', 'KEY3']);
    assert.deepEqual(knownHostKeys(text, 'db.lab', 22).accepted, []);
  });

  it('a port other than 22 is looked up as [host]:port, plain or hashed', () => {
    const text = `[127.0.0.1]:2222 ssh-ed25519 KEYP\n127.0.0.1 ssh-ed25519 KEY22\n${hashed('[h]:2200')} ssh-ed25519 KEYH`;
    assert.deepEqual(knownHostKeys(text, '127.0.0.1', 2222).accepted, ['KEYP']);
    assert.deepEqual(knownHostKeys(text, '127.0.0.1', 22).accepted, ['KEY22']);
    assert.deepEqual(knownHostKeys(text, 'h', 2200).accepted, ['KEYH']);
  });

  it('@revoked refuses a key listed for the host; @cert-authority lines are no host keys', () => {
    const text = 'h ssh-ed25519 GOOD\nh ssh-ed25519 BAD\n@revoked h ssh-ed25519 BAD\n@cert-authority h ssh-ed25519 CA';
    assert.deepEqual(knownHostKeys(text, 'h', 22), { accepted: ['GOOD'], revoked: ['BAD'] });
  });

  it('resolution carries the accepted keys of the real HostName and Port of an alias', () => {
    const home = new FakeHome();
    try {
      home.write('.ssh/config', 'Host engine\n  HostName 127.0.0.1\n  Port 2222\n');
      home.write('.ssh/known_hosts', '[127.0.0.1]:2222 ssh-ed25519 KEYP\nengine ssh-ed25519 ALIAS\n');
      assert.deepEqual(resolveEndpoint(home.input({ DOCKER_HOST: 'ssh://engine' })).knownHostKeys, ['KEYP']);
      assert.deepEqual(resolveEndpoint(home.input({ DOCKER_HOST: 'ssh://elsewhere' })).knownHostKeys, []);
    } finally {
      home.remove();
    }
  });
});
