import { strict as assert } from 'node:assert';
import { buildFullGraph } from '../../../src/topology/graph/build';
import { mermaidLabel, toMermaid } from '../../../src/topology/mermaid';
import { comparePlan, isComposeFileName, normaliseProjectName } from '../../../src/topology/planOverlay';
import { contentSecurityPolicy, panelHtml } from '../../../src/webviewHost/html';
import { container, network, sampleTopology, snapshotOf } from './fakeTopology';

describe('topology as Mermaid', () => {
  it('writes networks, containers and IP-labelled links, grouping compose projects in subgraphs', () => {
    const text = toMermaid(buildFullGraph(sampleTopology()));
    assert.match(text, /^flowchart LR\n/);
    assert.match(text, /\[\["shop#95;front"\]\]|\[\["shop_front"\]\]/);
    assert.match(text, /subgraph grp0\["compose: shop"\]/);
    assert.match(text, /---\|"172\.20\.0\.2"\|/);
    assert.equal(
      (text.match(/---/g) ?? []).length,
      buildFullGraph(sampleTopology()).edges.filter((e) => !e.source.startsWith('g:') && !e.target.startsWith('g:'))
        .length,
    );
  });

  it('escapes hostile names so they cannot leave their label', () => {
    assert.equal(
      mermaidLabel('a"]; click x call alert(1) %%{init}%%'),
      'a#34;#93;; click x call alert(1) %%#123;init#125;%%',
    );
    const n = network('h', 'net', { labels: {} });
    const c = container('x', 'evil"<img src=x onerror=alert(1)>');
    const text = toMermaid(buildFullGraph(snapshotOf([n], [c], [{ network: n, container: c }])));
    assert.ok(!text.includes('<img'), text);
    const line = text.split('\n').find((l) => l.includes('onerror'))!;
    assert.match(line, /^\s+c\d+\("[^"]*"\)$/, 'the whole name stays inside one quoted label');
  });

  it('limits the output to the visible nodes', () => {
    const g = buildFullGraph(sampleTopology());
    const text = toMermaid(g, new Set(['n:n-front', 'c:c-web']));
    assert.equal(text.split('\n').filter((l) => /^\s+\w+[[({]/.test(l)).length, 2);
  });
});

describe('topology as Mermaid, with the observed connections layer on', () => {
  const peer = { id: 'o:outside:192.0.2.9@c:c-db', kind: 'outside' as const, label: 'outside 192.0.2.9' };
  const lonely = { id: 'o:host:172.17.0.1@c:c-gone', kind: 'host' as const, label: 'the host' };
  const edge = (id: string, source: string, target: string, label: string) => ({
    id,
    source,
    target,
    port: 5432,
    count: 2,
    state: 'established' as const,
    label,
    text: label,
  });
  const layer = {
    at: 0,
    peers: [lonely, peer],
    edges: [
      edge('e1', 'c:c-web', 'c:c-db', 'tcp/5432 ×2'),
      edge('e2', 'c:c-db', peer.id, 'tcp/443 "x"'),
      edge('e3', 'c:c-gone', lonely.id, 'tcp/80'),
    ],
    notes: [],
  };
  const mid = (text: string, label: string) => /^\s+(\w+)/.exec(text.split('\n').find((l) => l.includes(label))!)![1];

  it('adds each connection as a dotted arrow from client to server, and the peers it reaches as nodes', () => {
    const text = toMermaid(buildFullGraph(sampleTopology()), undefined, layer);
    const [web, db] = [mid(text, '"shop-web-1"'), mid(text, '"shop-db-1"')];
    assert.ok(text.includes(`  ${web} -.->|"tcp/5432 ×2"| ${db}\n`), text);
    const outside = mid(text, 'outside 192.0.2.9');
    assert.ok(text.includes(`  ${outside}(["outside 192.0.2.9"])`), text);
    assert.ok(text.includes(`  ${db} -.->|"tcp/443 #34;x#34;"| ${outside}\n`), 'labels escaped like the rest');
    assert.ok(!text.includes('the host'), 'a peer of a container not in the graph is left out with it');
  });

  it('keeps to the visible nodes, and without the layer draws no dotted arrow', () => {
    const g = buildFullGraph(sampleTopology());
    const onlyWeb = toMermaid(g, new Set(['c:c-web']), layer);
    assert.ok(!onlyWeb.includes('outside 192.0.2.9'), onlyWeb);
    assert.equal((onlyWeb.match(/-\.->/g) ?? []).length, 0);
    assert.equal((toMermaid(g).match(/-\.->/g) ?? []).length, 0);
  });
});

describe('plan against reality', () => {
  const compose = `
services:
  web:
    image: nginx
    networks: [front, back]
  db:
    image: postgres
    networks: [front]
  cache:
    image: redis
networks:
  front: {}
  back: {}
`;

  it('reports declared-but-missing, running-but-undeclared and attached-differently', () => {
    const overlay = comparePlan(compose, 'compose.yaml', 'Shop', sampleTopology())!;
    assert.equal(overlay.project, 'shop');
    const find = (kind: string, name: string) =>
      overlay.items.filter((i) => i.kind === kind && i.name === name).map((i) => i.status);
    assert.deepEqual(find('network', 'front'), ['ok']);
    assert.deepEqual(find('network', 'back'), ['ok']);
    assert.deepEqual(find('network', 'default'), ['missing']); // cache uses the default network, which does not run
    assert.deepEqual(find('service', 'web'), ['ok']);
    assert.deepEqual(find('service', 'db'), ['different']); // declared on front, runs on back
    assert.deepEqual(find('service', 'cache'), ['missing']);
    const db = overlay.items.find((i) => i.name === 'db')!;
    assert.equal(db.nodeId, 'c:c-db');
    assert.match(db.detail, /declared on front, attached to back/);
  });

  it('reports a running service the file does not declare', () => {
    const overlay = comparePlan(
      'services:\n  web:\n    networks: [front, back]\nnetworks:\n  front: {}\n  back: {}\n',
      'compose.yaml',
      'shop',
      sampleTopology(),
    )!;
    assert.deepEqual(
      overlay.items.filter((i) => i.status === 'undeclared').map((i) => [i.kind, i.name]),
      [['service', 'db']],
    );
  });

  it('ignores files that are not compose files or do not parse', () => {
    assert.equal(comparePlan('services: [', 'compose.yaml', 'x', sampleTopology()), null);
    assert.equal(comparePlan('just: text', 'compose.yaml', 'x', sampleTopology()), null);
    assert.ok(isComposeFileName('/w/docker-compose.yml') && isComposeFileName('/w/compose.prod.yaml'));
    assert.ok(!isComposeFileName('/w/values.yaml'));
    assert.equal(normaliseProjectName('My App.2'), 'myapp2');
  });
});

describe('topology webview HTML', () => {
  const input = {
    cspSource: 'https://x.vscode-cdn.net',
    scriptUri: 'https://x/dist/webview.js',
    styleUri: 'https://x/media/topology.css',
    scriptNonce: 'abc123',
    styleNonce: 'def456',
  };
  it('has a strict CSP: nothing by default, our script by nonce only, no inline styles or eval', () => {
    const csp = contentSecurityPolicy(input);
    assert.match(csp, /^default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.ok(!/unsafe-inline|unsafe-eval|\*/.test(csp), csp);
    assert.match(csp, /style-src https:\/\/x\.vscode-cdn\.net 'nonce-def456'/);
    assert.match(csp, /img-src https:\/\/x\.vscode-cdn\.net data:/);
    assert.match(csp, /worker-src blob:/);
  });
  it('loads exactly one script, with the nonce, and exposes the style nonce to the toolkit', () => {
    const html = panelHtml(input, 'T');
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="abc123" src="https:\/\/x\/dist\/webview.js"><\/script>/);
    assert.match(html, /<meta property="csp-nonce" content="def456">/);
  });
  it('carries the page data (translated sentences) as JSON that is never executed and cannot close its element', () => {
    const hostile = '</script><script>alert(1)</script>';
    const html = panelHtml({ ...input, data: { strings: { Fit: hostile } } }, 'T');
    const block = /<script type="application\/json" id="webview-data">(.*?)<\/script>/.exec(html);
    assert.ok(block, 'one JSON data block');
    assert.ok(!block[1].includes('<'), 'no "<" inside the block');
    assert.deepEqual(JSON.parse(block[1]), { strings: { Fit: hostile } });
    assert.equal((html.match(/<script nonce=/g) ?? []).length, 1, 'still one executable script');
  });
});
