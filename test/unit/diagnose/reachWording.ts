/**
 * A reachability report as the user reads it in the connectivity report: the verdict, each fact's sentence with
 * its status and the engine field it comes from, each fix's label (and detail), what the probe will try and the
 * networks the topology highlights. The wording tests compare these lines with the text written in the test.
 */
import type { ReachabilityReport } from '../../../src/diagnose/reachability/types';
import { untranslated } from '../../../src/explorer/present/text';
import { factText, type L10n } from '../../../src/troubleshoot/factText';
import { fixView } from '../../../src/troubleshoot/reportText';
import type { World } from './reachFixture';

const l10n = { t: untranslated } as unknown as L10n;

export function wording(report: ReachabilityReport, w: Pick<World, 'snapshot'>): string[] {
  const { probe } = report;
  const networkName = (id: string) => w.snapshot.networks.get(id)?.name ?? id;
  return [
    `verdict: ${report.verdict}`,
    ...report.facts.map((f) => `${f.status}: ${factText(l10n, f)} [${f.field} (${f.subject})]`),
    ...report.fixes.map((f) => {
      const view = fixView(l10n, f, w.snapshot);
      return `fix: ${view.label}${view.detail ? ` (${view.detail})` : ''}`;
    }),
    `probe: ${probe.protocol} ${probe.name ?? '-'} at ${probe.address ?? '-'} port ${probe.port ?? '-'}`,
    `path: ${report.pathNetworkIds.map(networkName).join(', ') || '-'}`,
  ];
}
