import * as assert from 'node:assert/strict';
import { compareWithProbe } from '../../../src/diagnose/probe/agreement';
import { concludeSteps, execFailure, parseProbeOutput } from '../../../src/diagnose/probe/interpret';
import { PROBE_SCRIPT, probeCommand } from '../../../src/diagnose/probe/script';
import type { ProbeResult } from '../../../src/diagnose/probe/types';

/** One step as the script prints it. */
function step(kind: string, command: string, output: string, rc: number): string {
  return `@@begin ${kind} ${command}\n${output}\n@@end ${kind} ${rc}\n`;
}

const TOOLS = '@@tools nslookup nc ping timeout busybox\n';

// Outputs recorded from the real tools (busybox 1.35 in dne-busybox, Debian's getent, OpenBSD nc, bash, iputils).
const BUSYBOX_RESOLVED =
  'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tdb\nAddress: 172.30.0.3\n\nNon-authoritative answer:';
const BUSYBOX_NXDOMAIN =
  "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n** server can't find db: NXDOMAIN\n\n** server can't find db: NXDOMAIN";

describe('probe output interpretation', () => {
  const table: Array<[string, string, { outcome: string; addresses?: string[] }]> = [
    [
      'busybox nslookup answer',
      step('resolve', 'timeout 2 nslookup db', BUSYBOX_RESOLVED, 0),
      { outcome: 'resolved', addresses: ['172.30.0.3'] },
    ],
    [
      'busybox nslookup NXDOMAIN',
      step('resolve', 'timeout 2 nslookup db', BUSYBOX_NXDOMAIN, 1),
      { outcome: 'nxdomain' },
    ],
    [
      'BIND nslookup, no server',
      step('resolve', 'nslookup db', ';; connection timed out; no servers could be reached', 1),
      { outcome: 'noDnsAnswer' },
    ],
    [
      'busybox nslookup, nothing on 127.0.0.1:53',
      step('resolve', 'nslookup db', "nslookup: write to '127.0.0.1': Connection refused", 1),
      { outcome: 'noDnsAnswer' },
    ],
    [
      'getent hit',
      step('resolve', 'getent hosts db', '172.30.0.3      db', 0),
      { outcome: 'resolved', addresses: ['172.30.0.3'] },
    ],
    ['getent miss (exit 2, silent)', step('resolve', 'getent hosts db', '', 2), { outcome: 'nxdomain' }],
    [
      '/etc/hosts hit (link or extra host)',
      step('resolve', 'hostsfile b1alias', '172.17.0.2 b1alias', 0),
      { outcome: 'resolved', addresses: ['172.17.0.2'] },
    ],
    ['resolution killed by timeout', step('resolve', 'timeout 2 nslookup db', '', 143), { outcome: 'timeout' }],
    [
      'busybox nc connected',
      step('connect', 'timeout 2 nc -w 2 172.30.0.3 5432 -e true', '', 0),
      { outcome: 'connected' },
    ],
    [
      'busybox nc refused',
      step(
        'connect',
        'nc -w 2 172.30.0.3 5432 -e true',
        "nc: can't connect to remote host (172.30.0.3): Connection refused",
        1,
      ),
      { outcome: 'refused' },
    ],
    [
      'busybox nc timed out',
      step('connect', 'nc -w 2 172.30.0.3 5432 -e true', 'nc: timed out', 1),
      { outcome: 'timeout' },
    ],
    [
      'busybox nc bad address',
      step('connect', 'nc -w 2 db 5432 -e true', "nc: bad address 'db'", 1),
      { outcome: 'badAddress' },
    ],
    [
      'OpenBSD nc refused',
      step('connect', 'nc -z -w 2 db 5432', 'nc: connect to db port 5432 (tcp) failed: Connection refused', 1),
      { outcome: 'refused' },
    ],
    [
      'OpenBSD nc name',
      step('connect', 'nc -z -w 2 db 5432', 'nc: getaddrinfo for host "db" port 5432: Name or service not known', 1),
      { outcome: 'badAddress' },
    ],
    [
      'bash /dev/tcp refused',
      step(
        'connect',
        'bash -c exec 3<>"/dev/tcp/$0/$1" db 5432',
        'bash: connect: Connection refused\nbash: line 1: /dev/tcp/db/5432: Connection refused',
        1,
      ),
      { outcome: 'refused' },
    ],
    ['connect killed by timeout', step('connect', 'timeout 2 bash -c x db 5432', '', 124), { outcome: 'timeout' }],
    [
      'no route',
      step('connect', 'nc -z -w 2 10.0.0.1 80', 'nc: connect to 10.0.0.1 port 80 (tcp) failed: No route to host', 1),
      { outcome: 'unreachable' },
    ],
    [
      'ping reply',
      step('ping', 'ping -c 1 -W 2 db', '1 packets transmitted, 1 packets received, 0% packet loss', 0),
      { outcome: 'replied' },
    ],
    [
      'ping, no reply',
      step('ping', 'ping -c 1 -W 2 db', '1 packets transmitted, 0 packets received, 100% packet loss', 1),
      { outcome: 'timeout' },
    ],
    ['no tool', step('connect', 'none', '', 127), { outcome: 'noTool' }],
  ];
  for (const [title, text, expected] of table) {
    it(title, () => {
      const { steps } = parseProbeOutput(TOOLS + text);
      assert.equal(steps.length, 1);
      assert.equal(steps[0].outcome, expected.outcome, steps[0].output);
      if (expected.addresses) assert.deepEqual(steps[0].addresses, expected.addresses);
    });
  }

  it('reads the tools and orders the steps resolve first, whatever order the parallel steps printed in', () => {
    const out =
      TOOLS +
      step('connect', 'nc -w 2 172.30.0.3 5432 -e true', '', 0) +
      step('resolve', 'nslookup db', BUSYBOX_RESOLVED, 0);
    const parsed = parseProbeOutput(out);
    assert.deepEqual(parsed.tools, ['nslookup', 'nc', 'ping', 'timeout', 'busybox']);
    assert.deepEqual(
      parsed.steps.map((s) => s.kind),
      ['resolve', 'connect'],
    );
  });

  const conclusions: Array<[string, string, string]> = [
    ['connected', step('connect', 'nc x 1', '', 0), 'reachable'],
    [
      'refused wins over a resolution',
      step('resolve', 'nslookup db', BUSYBOX_RESOLVED, 0) + step('connect', 'nc x 1', 'Connection refused', 1),
      'refused',
    ],
    [
      'the name is the question: NXDOMAIN outweighs the address answering',
      step('resolve', 'nslookup db', BUSYBOX_NXDOMAIN, 1) +
        step('ping', 'ping -c 1 -W 2 172.17.0.3', '1 packets transmitted, 1 packets received', 0),
      'doesNotResolve',
    ],
    ['timeout means dropped', step('connect', 'nc x 1', 'nc: timed out', 1), 'dropped'],
    ['NXDOMAIN alone', step('resolve', 'nslookup db', BUSYBOX_NXDOMAIN, 1), 'doesNotResolve'],
    ['only resolution ran (UDP)', step('resolve', 'nslookup db', BUSYBOX_RESOLVED, 0), 'resolvedOnly'],
    ['no tools at all', step('resolve', 'none', '', 127) + step('connect', 'none', '', 127), 'inconclusive'],
  ];
  for (const [title, text, expected] of conclusions) {
    it(`concludes: ${title}`, () => assert.equal(concludeSteps(parseProbeOutput(TOOLS + text).steps), expected));
  }

  it("recognises an image without sh (the runtime's own message, exit 126)", () => {
    const stdout =
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown\r\n';
    assert.deepEqual(execFailure({ exitCode: 126, stdout, stderr: '', timedOut: false }), {
      failure: 'noShell',
      detail: stdout.trim(),
    });
    assert.equal(execFailure({ exitCode: 0, stdout: TOOLS, stderr: '', timedOut: false }), undefined);
    assert.equal(execFailure({ stdout: '', stderr: '', timedOut: true })?.failure, 'timedOut');
  });

  it('passes name, address and port as arguments, never inside the script', () => {
    const hostile = '$(touch /tmp/pwned)"; rm -rf /';
    const cmd = probeCommand({ name: hostile, address: '172.30.0.3', port: 5432, protocol: 'tcp' });
    assert.deepEqual(cmd, ['sh', '-c', PROBE_SCRIPT, 'probe', hostile, '172.30.0.3', '5432', 'tcp']);
    assert.ok(!PROBE_SCRIPT.includes(hostile));
  });
});

describe('verdict against probe', () => {
  const result = (conclusion: ProbeResult['conclusion'], failure?: ProbeResult['failure']): ProbeResult => ({
    via: 'exec',
    tools: [],
    steps: [],
    conclusion,
    durationMs: 1,
    ...(failure ? { failure } : {}),
  });
  const table: Array<[Parameters<typeof compareWithProbe>[0], ProbeResult, string]> = [
    ['reachable', result('reachable'), 'confirmed'],
    ['reachable', result('refused'), 'disagrees:nothingListens'],
    ['reachable', result('dropped'), 'disagrees:droppedDespiteConfiguration'],
    ['reachable', result('doesNotResolve'), 'disagrees:nameDidNotResolve'],
    ['onlyViaPublishedPort', result('reachable'), 'confirmed'],
    ['notReachable', result('dropped'), 'confirmed'],
    ['notReachable', result('doesNotResolve'), 'confirmed'],
    ['notReachable', result('reachable'), 'disagrees:reachedDespiteConfiguration'],
    ['unknown', result('reachable'), 'probeDecides'],
    ['reachable', result('inconclusive'), 'notCompared'],
    ['reachable', result('inconclusive', 'noShell'), 'notCompared'],
  ];
  for (const [verdict, probe, expected] of table) {
    it(`${verdict} vs ${probe.conclusion}${probe.failure ? ` (${probe.failure})` : ''}: ${expected}`, () => {
      const a = compareWithProbe(verdict, probe);
      assert.equal(a.kind === 'disagrees' ? `disagrees:${a.finding}` : a.kind, expected);
    });
  }
});
