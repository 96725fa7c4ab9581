/**
 * The probe's rarer outcomes as the connectivity report shows them: a name missing from /etc/hosts, output no
 * pattern knows, a step that printed nothing, the conclusion of an unreachable or unresolvable address, and the
 * reason given when the exec itself failed (no shell, the engine's message, or only an exit code).
 */
import * as assert from 'node:assert/strict';
import { concludeSteps, execFailure, parseProbeOutput } from '../../../src/diagnose/probe/interpret';
import { probeCommand, PROBE_SCRIPT } from '../../../src/diagnose/probe/script';

const TOOLS = '@@tools nc ping\n';
const step = (kind: string, command: string, output: string, rc: number): string =>
  `@@begin ${kind} ${command}\n${output}\n@@end ${kind} ${rc}\n`;
const only = (text: string) => {
  const { steps } = parseProbeOutput(TOOLS + text);
  assert.equal(steps.length, 1);
  return steps[0];
};

describe('probe output: rarer outcomes', () => {
  it('a name missing from /etc/hosts does not resolve', () =>
    assert.equal(only(step('resolve', 'hostsfile db', '', 1)).outcome, 'nxdomain'));
  it('a name found in /etc/hosts resolves to its address only', () =>
    assert.deepEqual(only(step('resolve', 'hostsfile db', '  172.17.0.2   db db.local\n# c 10.0.0.1', 0)).addresses, [
      '172.17.0.2',
    ]));
  it('getent lines that are not addresses give none', () =>
    assert.deepEqual(only(step('resolve', 'getent hosts db', 'db 172.17.0.2\nabc', 1)).addresses, []));
  it('output no pattern knows is an error, for any step', () => {
    assert.equal(only(step('connect', 'nc -z db 80', 'segmentation fault', 1)).outcome, 'error');
    assert.equal(only(step('resolve', 'getent hosts db', 'segmentation fault', 1)).outcome, 'error');
  });
  it('keeps the output without its trailing blank lines', () =>
    assert.equal(only(step('connect', 'nc -z db 80', 'nc: timed out\n\n\n', 1)).output, 'nc: timed out'));
  it('reads a step that printed nothing at all', () => {
    const s = only('@@begin connect nc -z db 80\n@@end connect 0\n');
    assert.deepEqual([s.command, s.output, s.exitCode, s.outcome], ['nc -z db 80', '', 0, 'connected']);
  });
  it('an nslookup answer with numbered addresses lists each', () => {
    const answer =
      'Server: 127.0.0.11\nAddress 1: 127.0.0.11\n\nName: db\nAddress 1:   10.0.0.5 db\nAddress 12: fd00::5\n';
    assert.deepEqual(only(step('resolve', 'nslookup db', answer, 0)).addresses, ['10.0.0.5', 'fd00::5']);
  });
  it('a busybox ping with 2 replies replied; a timeout without `timeout` in front is the tool’s own exit', () => {
    assert.equal(only(step('ping', 'ping -c 2 db', '2 packets transmitted, 2 received', 0)).outcome, 'replied');
    assert.equal(only(step('ping', 'ping -c 2 db', '2 packets transmitted, 0 received', 1)).outcome, 'timeout');
    assert.equal(only(step('connect', 'nc -z db 80', '', 124)).outcome, 'error');
    assert.equal(only(step('connect', 'busybox timeout 2 nc -z db 80', '', 143)).outcome, 'timeout');
  });
});

describe('probe conclusions: rarer cases', () => {
  const conclude = (text: string) => concludeSteps(parseProbeOutput(TOOLS + text).steps);
  it('an unreachable network is unreachable', () =>
    assert.equal(conclude(step('connect', 'nc -z 10.9.9.9 80', 'No route to host', 1)), 'unreachable'));
  it('an address nc cannot resolve does not resolve', () =>
    assert.equal(conclude(step('connect', 'nc -z db 80', "nc: bad address 'db'", 1)), 'doesNotResolve'));
  it('a resolution that timed out does not resolve, whatever the traffic step says', () =>
    assert.equal(
      conclude(step('resolve', 'timeout 2 nslookup db', '', 124) + step('ping', 'ping -c 1 db', '1 received', 0)),
      'doesNotResolve',
    ));
  it('a DNS server that does not answer: the name does not resolve', () =>
    assert.equal(
      conclude(step('resolve', 'nslookup db', ';; connection timed out; no servers could be reached', 1)),
      'doesNotResolve',
    ));
  it('a ping reply is reachable; an error and nothing else is inconclusive', () => {
    assert.equal(conclude(step('ping', 'ping -c 1 db', '1 packets received', 0)), 'reachable');
    assert.equal(conclude(step('connect', 'nc -z db 80', 'segmentation fault', 1)), 'inconclusive');
    assert.equal(concludeSteps([]), 'inconclusive');
  });
});

describe('probe exec failures', () => {
  it('exit 127 (no sh) and a missing-file message mean no shell', () => {
    assert.deepEqual(execFailure({ exitCode: 127, stdout: '', stderr: 'sh: not here', timedOut: false }), {
      failure: 'noShell',
      detail: 'sh: not here',
    });
    assert.equal(
      execFailure({ exitCode: 1, stdout: '', stderr: 'exec: no such file or directory', timedOut: false })?.failure,
      'noShell',
    );
  });
  it("any other failure is the engine's, with its message or else the exit code", () => {
    assert.deepEqual(execFailure({ exitCode: 1, stdout: '', stderr: 'container is paused', timedOut: false }), {
      failure: 'engineError',
      detail: 'container is paused',
    });
    assert.deepEqual(execFailure({ exitCode: 2, stdout: '', stderr: '', timedOut: false }), {
      failure: 'engineError',
      detail: 'exit code 2',
    });
    assert.deepEqual(execFailure({ stdout: '', stderr: '', timedOut: false }), {
      failure: 'engineError',
      detail: 'exit code ?',
    });
    assert.deepEqual(execFailure({ stdout: '', stderr: '', timedOut: true }), { failure: 'timedOut', detail: '' });
  });
  it('passes empty arguments for what the target does not name', () =>
    assert.deepEqual(probeCommand({ protocol: 'udp' }), ['sh', '-c', PROBE_SCRIPT, 'probe', '', '', '', 'udp']));
});
