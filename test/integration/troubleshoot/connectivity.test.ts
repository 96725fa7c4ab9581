/**
 * Check Connectivity against the real engine in the real extension host: the verdict and facts the report shows,
 * the live probe's transcript, a fix that connects, and the failures (source stopped, target removed, an image
 * without any tool, a hostile alias). Every container, network, image and helper container is removed afterwards.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { docker, removeResources, testImage, uniqueName } from '../support/docker';
import { ScriptedPrompter } from '../operations/scriptedPrompter';
import { startDnsResponder, type DnsResponder } from './dnsResponder';

/** What the test reads of the report the command opened (src/troubleshoot/reportPanel.ts). */
interface Report {
  view?: {
    verdict: string;
    headline: string;
    title: string;
    probeVerdict?: { kind: string; text: string };
    facts: Array<{ status: string; text: string; source: string }>;
    steps: Array<{ command: string; output: string; meaning: string }>;
    fixes: Array<{ label: string; actionable: boolean }>;
  };
  result?: {
    probe?: { conclusion: string; failure?: string; via: string; steps: Array<{ kind: string; outcome: string }> };
  };
  applyFix(index: number, prompter: unknown, args?: unknown[]): Promise<unknown>;
  run(prompter?: unknown): Promise<unknown>;
  markdown(): string | undefined;
  dispose(): void;
}

describe('troubleshoot: Check Connectivity', function () {
  this.timeout(120_000);
  const networks: string[] = [];
  const containers: string[] = [];
  const images: string[] = [];
  const reports: Report[] = [];
  let dns: DnsResponder;

  before(async () => {
    dns = await startDnsResponder();
  });
  after(async () => {
    for (const r of reports) r.dispose();
    await vscode.workspace
      .getConfiguration('dockerNetworks')
      .update('diagnostics.helperImage', undefined, vscode.ConfigurationTarget.Global);
    removeResources({ containers, networks });
    for (const image of images) docker('rmi', '-f', image);
    await dns.close();
  });
  afterEach(() => {
    // No helper container may survive a check, whatever happened.
    const left = docker(
      'ps',
      '-a',
      '--filter',
      'label=dne.diagnostics=1',
      '--format',
      '{{.Names}} {{.Label "dne.diagnostics"}}',
    );
    const ours = left.split('\n').filter((line) => containers.some((c) => line.includes(c)));
    assert.deepEqual(ours, []);
  });

  function net(...options: string[]): string {
    const n = uniqueName('conn');
    networks.push(n);
    docker('network', 'create', ...options, n);
    return n;
  }
  function box(network: string, ...command: string[]): string {
    const c = uniqueName('conn');
    containers.push(c);
    docker(
      'run',
      '-d',
      '--name',
      c,
      '--dns',
      dns.address,
      '--network',
      network,
      testImage,
      ...(command.length ? command : ['sleep', '600']),
    );
    return c;
  }
  /** A container listening on `port` (busybox nc serves one connection at a time, so in a loop). */
  function listener(network: string, port: number): string {
    return box(network, 'sh', '-c', `while true; do nc -l -p ${port}; done`);
  }
  async function check(prompter: ScriptedPrompter, connectivity: Record<string, unknown>): Promise<Report> {
    const report = await vscode.commands.executeCommand<Report | undefined>('dockerNetworks.checkConnectivity', {
      prompter,
      connectivity,
    });
    assert.ok(report?.view, `no report; notices: ${JSON.stringify(prompter.seen.notices)}`);
    reports.push(report);
    return report;
  }
  const factTexts = (r: Report) => r.view!.facts.map((f) => f.text).join('\n');
  const step = (r: Report, kind: string) => r.result?.probe?.steps.find((s) => s.kind === kind);

  it('two containers on different user networks: not reachable (no shared network); the fix connects them, the re-check is reachable and the probe connects to nc -l in the target', async () => {
    const netA = net();
    const netB = net();
    const source = box(netA);
    const target = listener(netB, 8080);
    const report = await check(new ScriptedPrompter([]), { source, target, port: 8080 });
    const view = report.view!;
    assert.equal(view.title, `Connectivity: ${source} -> ${target}:8080`);
    assert.equal(view.verdict, 'notReachable');
    assert.equal(view.headline, `Not reachable: ${source} cannot reach ${target}:8080.`);
    assert.match(
      factTexts(report),
      new RegExp(`${source} and ${target} share no network: ${source} is on ${netA}, ${target} on ${netB}`),
    );
    assert.ok(view.facts.some((f) => f.source === `NetworkSettings.Networks (${source})`));
    assert.equal(view.probeVerdict?.kind, 'confirmed');
    assert.deepEqual(
      view.fixes.slice(0, 3).map((f) => f.label),
      [
        `Connect ${source} to ${netB}`,
        `Connect ${target} to ${netA}`,
        `Create a network and connect ${source} and ${target}`,
      ],
    );

    const prompter = new ScriptedPrompter([
      { id: 'aliases', reply: '' },
      { id: 'ipv4', reply: '' },
    ]);
    await report.applyFix(0, prompter);
    assert.deepEqual(prompter.unused, []);
    assert.ok(
      docker('inspect', '-f', '{{json .NetworkSettings.Networks}}', source).includes(netB),
      'the engine holds no endpoint of the source on the target network',
    );
    const after = report.view!;
    assert.equal(after.verdict, 'reachable', factTexts(report));
    assert.match(after.headline, /^Reachable: /);
    assert.match(factTexts(report), new RegExp(`"${target}" resolves on ${netB}\\.`));
    assert.match(
      factTexts(report),
      /Something listens on port 8080\/tcp \((0\.0\.0\.0|::)/,
      'the socket table of the target was read',
    );
    assert.equal(step(report, 'connect')?.outcome, 'connected');
    assert.equal(report.result?.probe?.conclusion, 'reachable');
    assert.equal(after.probeVerdict?.text, 'The probe confirms the verdict.');
    assert.ok(
      (report.markdown() ?? '').startsWith(`## Connectivity: ${source} -> ${target}:8080\n\n**Reachable: `),
      report.markdown(),
    );
  });

  it('a name on the default bridge: the DNS fact, and the probe gets NXDOMAIN', async () => {
    const first = box('bridge');
    const second = box('bridge');
    const report = await check(new ScriptedPrompter([]), { source: first, target: second });
    assert.equal(report.view!.verdict, 'notReachable');
    assert.match(factTexts(report), /On the default bridge network \(bridge\) container names do not resolve/);
    const resolve = step(report, 'resolve');
    assert.equal(resolve?.outcome, 'nxdomain', JSON.stringify(report.view!.steps));
    assert.ok(
      dns.queries.some((q) => q.startsWith(second)),
      `the probe's query did not reach the test's DNS server: ${dns.queries.join(', ')}`,
    );
    assert.equal(report.result?.probe?.conclusion, 'doesNotResolve');
    assert.ok(report.view!.fixes.some((f) => f.label.startsWith('Re-check with the address 172.')));
  });

  it('an ICC-disabled network: blocked, and the probe times out', async () => {
    const noIcc = net('-o', 'com.docker.network.bridge.enable_icc=false');
    const source = box(noIcc);
    const target = listener(noIcc, 8080);
    const report = await check(new ScriptedPrompter([]), { source, target, port: 8080 });
    assert.equal(report.view!.verdict, 'notReachable');
    assert.match(factTexts(report), new RegExp(`${noIcc} is created with com.docker.network.bridge.enable_icc=false`));
    assert.equal(step(report, 'connect')?.outcome, 'timeout', JSON.stringify(report.view!.steps));
    assert.equal(report.result?.probe?.conclusion, 'dropped');
    assert.equal(report.view!.probeVerdict?.kind, 'confirmed');
  });

  it('an internal network: no way out, shown against a listener on another network', async () => {
    const internal = net('--internal');
    const other = net();
    const source = box(internal);
    const target = listener(other, 8080);
    const report = await check(new ScriptedPrompter([]), { source, target, port: 8080 });
    assert.equal(report.view!.verdict, 'notReachable');
    assert.match(
      factTexts(report),
      new RegExp(`${source} is only on internal networks \\(${internal}\\): they have no gateway`),
    );
    const connect = step(report, 'connect');
    assert.ok(connect && ['timeout', 'unreachable'].includes(connect.outcome), JSON.stringify(report.view!.steps));
    assert.equal(report.view!.probeVerdict?.kind, 'confirmed');
  });

  it('container: mode is followed to the namespace owner', async () => {
    const shared = net();
    const owner = box(shared);
    const sidecar = uniqueName('conn');
    containers.push(sidecar);
    docker('run', '-d', '--name', sidecar, '--network', `container:${owner}`, testImage, 'sleep', '600');
    const target = listener(shared, 8080);
    const report = await check(new ScriptedPrompter([]), { source: sidecar, target, port: 8080 });
    assert.equal(report.view!.verdict, 'reachable', factTexts(report));
    assert.match(factTexts(report), new RegExp(`${sidecar} uses the network namespace of ${owner}`));
    assert.equal(step(report, 'connect')?.outcome, 'connected');
  });

  it('a target removed meanwhile: the re-run says it no longer exists', async () => {
    const shared = net();
    const source = box(shared);
    const target = box(shared);
    const report = await check(new ScriptedPrompter([]), { source, target });
    assert.equal(report.view!.verdict, 'reachable');
    docker('rm', '-f', target);
    await report.run(new ScriptedPrompter([]));
    assert.equal(report.view!.verdict, 'notReachable');
    assert.match(factTexts(report), /^Target container \S+ no longer exists on the engine\./m);
  });

  it('a source that stops: the check says it is not running, the probe says it could not run', async () => {
    const shared = net();
    const source = box(shared);
    const target = box(shared);
    docker('stop', '-t', '0', source);
    const report = await check(new ScriptedPrompter([]), { source, target });
    assert.equal(report.view!.verdict, 'notReachable');
    assert.match(factTexts(report), new RegExp(`Source ${source} is exited`));
    assert.equal(report.result?.probe?.failure, 'notRunning');
    assert.match(
      report.view!.probeVerdict?.text ?? '',
      /The probe could not run: the source is not running \(Container \w+ is not running\)/,
    );
  });

  it('an image without any tool: says so; with the helper image set, a helper container probes and is removed', async () => {
    const image = `${uniqueName('conn')}:latest`;
    images.push(image);
    // An image holding only `sleep` (busybox under that name): no shell, no tools.
    const { execFileSync } = await import('node:child_process');
    execFileSync('sh', [
      '-c',
      `d=$(mktemp -d) && mkdir -p $d/bin && cp /bin/busybox $d/bin/sleep && tar -C $d -c . | docker import -c 'CMD ["/bin/sleep","600"]' - ${image} >/dev/null && rm -rf $d`,
    ]);
    const shared = net();
    const bare = uniqueName('conn');
    containers.push(bare);
    docker('run', '-d', '--name', bare, '--dns', dns.address, '--network', shared, image);
    const target = listener(shared, 8080);

    const without = await check(new ScriptedPrompter([]), { source: bare, target, port: 8080 });
    assert.equal(without.result?.probe?.failure, 'noShell');
    assert.match(
      without.view!.probeVerdict?.text ?? '',
      /the image has no shell .*dockerNetworks\.diagnostics\.helperImage/s,
    );
    assert.equal(without.view!.verdict, 'reachable', 'the verdict stands on the engine data alone');

    await vscode.workspace
      .getConfiguration('dockerNetworks')
      .update('diagnostics.helperImage', testImage, vscode.ConfigurationTarget.Global);
    const helped = await check(new ScriptedPrompter([]), { source: bare, target, port: 8080 });
    assert.equal(helped.result?.probe?.via, 'helper');
    assert.equal(step(helped, 'connect')?.outcome, 'connected', JSON.stringify(helped.view!.steps));
    const helpers = docker(
      'ps',
      '-a',
      '--filter',
      'label=dne.diagnostics=1',
      '--format',
      '{{.ID}} {{.Label "dne.diagnostics"}}',
    );
    const joined = helpers
      .split('\n')
      .filter(Boolean)
      .filter((line) =>
        docker('inspect', '-f', '{{.HostConfig.NetworkMode}}', line.split(' ')[0]).includes(
          docker('inspect', '-f', '{{.Id}}', bare),
        ),
      );
    assert.deepEqual(joined, [], 'a helper container survived');
  });

  it('markup in a typed target is refused with the sentence; markup in an alias stays text in the report', async () => {
    const refused = new ScriptedPrompter([]);
    const shared = net();
    const source = box(shared);
    assert.equal(
      await vscode.commands.executeCommand('dockerNetworks.checkConnectivity', {
        prompter: refused,
        connectivity: { source, target: '<img src=x onerror=alert(1)>' },
      }),
      undefined,
    );
    assert.match(refused.noticesText('error'), /Type a container name, an IP address, host:port/);

    const hostile = '<img src=x onerror=alert(1)>';
    const target = uniqueName('conn');
    containers.push(target);
    docker(
      'run',
      '-d',
      '--name',
      target,
      '--dns',
      dns.address,
      '--network',
      shared,
      '--network-alias',
      hostile,
      '--network-alias',
      'db-alias',
      testImage,
      'sleep',
      '600',
    );
    const report = await check(new ScriptedPrompter([]), { source, target });
    assert.ok(
      factTexts(report).includes(`On ${shared} the embedded DNS answers for the target as: ${target}, ${hostile},`),
      factTexts(report),
    );
    assert.ok(
      (report.markdown() ?? '').includes('\\<img src=x onerror=alert\\(1\\)>'),
      'markup is escaped in the Markdown',
    );

    // A typed alias (in inspect only, on this engine's API) is found and resolves.
    const byAlias = await check(new ScriptedPrompter([]), { source, target: 'db-alias' });
    assert.equal(byAlias.view!.verdict, 'reachable', factTexts(byAlias));
    assert.match(factTexts(byAlias), new RegExp(`"db-alias" resolves on ${shared}\\.`));
  });
});
