import * as assert from 'node:assert/strict';
import type { CheckResult } from '../../../src/troubleshoot/connectivityCheck';
import { buildReportView, reportMarkdown } from '../../../src/troubleshoot/reportText';
import { untranslated } from '../../../src/explorer/present/text';
import { ask, id, snapshot } from './reachFixture';

const l10n = { t: untranslated } as unknown as Parameters<typeof buildReportView>[0];

function result(from: string, to: string, port?: number, probe?: CheckResult['probe']): CheckResult {
  const report = ask({ from, to, port });
  return {
    request: { sourceId: id(from), target: { kind: 'container', containerId: id(to) }, port, protocol: 'tcp' },
    sourceName: `dne-reach-${from}`,
    targetName: `dne-reach-${to}`,
    snapshot,
    report,
    explainMs: 0.42,
    probe,
    agreement: probe ? { kind: 'confirmed' } : undefined,
    checkedAt: new Date('2026-11-29T14:00:00Z'),
  };
}

describe('connectivity report text', () => {
  it('puts the verdict first and words every fact with its engine field', () => {
    const view = buildReportView(l10n, result('web', 'db', 5432));
    assert.equal(view.title, 'Connectivity: dne-reach-web -> dne-reach-db:5432');
    assert.equal(view.headline, 'Not reachable: dne-reach-web cannot reach dne-reach-db:5432.');
    const noShared = view.facts.find((f) => f.text.includes('share no network'));
    assert.deepEqual(noShared, {
      status: 'problem',
      text: 'dne-reach-web and dne-reach-db share no network: dne-reach-web is on dne-reach-front, dne-reach-db on dne-reach-back. Docker isolates networks from each other, so there is no direct path.',
      source: 'NetworkSettings.Networks (dne-reach-web)',
    });
    assert.deepEqual(
      view.fixes.map((f) => [f.label, f.actionable]),
      [
        ['Connect dne-reach-web to dne-reach-back', true],
        ['Connect dne-reach-db to dne-reach-front', true],
        ['Create a network and connect dne-reach-web and dne-reach-db', true],
      ],
    );
    assert.equal(view.footer, 'Checked at 2026-11-29T14:00:00.000Z; explained in 0.42 ms.');
  });

  it('every fact code has a sentence with its placeholders filled', () => {
    for (const [from, to] of [
      ['api', 'web'],
      ['b1', 'b2'],
      ['icc1', 'icc2'],
      ['int1', 'web'],
      ['sidecar', 'db'],
      ['hosty', 'mac1'],
      ['nonet', 'web'],
      ['web', 'stopped'],
      ['lonely', 'web'],
    ]) {
      for (const f of buildReportView(l10n, result(from, to, 80)).facts)
        assert.doesNotMatch(f.text, /\{\d\}|undefined/, f.text);
    }
  });

  it('writes Markdown for an issue tracker: transcript fenced, engine strings escaped', () => {
    const probe: CheckResult['probe'] = {
      via: 'exec',
      tools: ['nc'],
      conclusion: 'reachable',
      durationMs: 120,
      steps: [
        {
          kind: 'connect',
          command: 'nc -w 2 172.30.60.2 80 -e true',
          exitCode: 0,
          output: '```',
          outcome: 'connected',
          addresses: [],
        },
      ],
    };
    const md = reportMarkdown(buildReportView(l10n, result('api', 'web', 80, probe)));
    assert.ok(
      md.startsWith(
        '## Connectivity: dne-reach-api -> dne-reach-web:80\n\n**Reachable: dne-reach-api can reach dne-reach-web:80.**\n',
      ),
      md,
    );
    assert.ok(
      md.includes('````\n$ nc -w 2 172.30.60.2 80 -e true\n```\n````'),
      'a fence longer than any backtick run in the output',
    );
    assert.ok(
      md.includes('dne\\-reach') === false && md.includes('\\(bridge\\)'),
      'parentheses escaped, names readable',
    );
  });
});
