import * as assert from 'node:assert/strict';
import type { SecurityFinding } from '../../../src/diagnose/security';
import { untranslated as t } from '../../../src/explorer/present/text';
import { securityReportMarkdown } from '../../../src/troubleshoot/securityReportMarkdown';

const context = {
  engine: 'unix:///var/run/docker.sock',
  at: '2026-11-29T14:00:00Z',
  containersReviewed: 3,
  uninspected: [],
};

describe('troubleshoot: the security report', () => {
  it('gives each finding its severity, what, who and the fix', () => {
    const finding: SecurityFinding = {
      rule: 'portAllInterfaces',
      severity: 'medium',
      containers: [{ id: 'c1', name: 'web' }],
      networks: [],
      facts: ['0.0.0.0:8080->80/tcp'],
    };
    // What a reader sees: Markdown's backslash escapes removed.
    const report = securityReportMarkdown([finding], context, t).replace(/\\([!-/:-@[-`{-~])/g, '$1');
    assert.match(report, /^## Medium: Ports published on all interfaces$/m);
    assert.match(report, /^0\.0\.0\.0:8080->80\/tcp accept connections from every network/m);
    assert.match(report, /^- \*\*Containers:\*\* web$/m);
    assert.match(report, /^- \*\*Fix:\*\* Publish on 127\.0\.0\.1/m);
    assert.match(report, /1 findings: 0 high, 1 medium, 0 low\./);
  });

  it('escapes engine strings: a container name cannot add links, HTML or emphasis', () => {
    const finding: SecurityFinding = {
      rule: 'hostNetworkMode',
      severity: 'medium',
      containers: [{ id: 'c2', name: '<img src=x>[a](http://e)*b*' }],
      networks: [],
      facts: [],
    };
    const report = securityReportMarkdown(
      [finding],
      { ...context, uninspected: [{ name: '<b>x</b>', reason: 'gone' }] },
      t,
    );
    assert.doesNotMatch(report, /(^|[^\\])<(img|b)/m, 'every < is escaped');
    assert.ok(report.includes('\\<img src\\=x\\>\\[a\\]\\(http\\:\\/\\/e\\)\\*b\\*'), report);
  });

  it('says when there is nothing to report', () => {
    assert.match(securityReportMarkdown([], context, t), /No findings:/);
  });
});
