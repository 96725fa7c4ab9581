/**
 * A reachability report as the user reads it in the connectivity report: the verdict, each fact's sentence with
 * its status and the engine field it comes from, each fix's label (and detail), what the probe will try and the
 * networks the topology highlights. The wording tests compare these lines with the text written in the test;
 * `running` and `createFix` write the lines most cases share.
 */
import * as assert from 'node:assert/strict';
import type { ReachabilityReport } from '../../../src/diagnose/reachability/types';
import { untranslated } from '../../../src/explorer/present/text';
import { factText, type L10n } from '../../../src/troubleshoot/factText';
import { fixView } from '../../../src/troubleshoot/reportText';
import { type Ask, ask, snapshot, type World } from './reachFixture';
import { type Edit, edited } from './reachVariants';

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

/** The state facts of a running source (and target), dne-reach-<short> each. */
export function running(source: string, target?: string): string[] {
  const line = (role: string, short: string) =>
    `ok: ${role} dne-reach-${short} is running. [State.Status (dne-reach-${short})]`;
  return target ? [line('Source', source), line('Target', target)] : [line('Source', source)];
}

/** The create-a-network fix for two containers. */
export function createFix(a: string, b: string): string {
  return (
    `fix: Create a network and connect dne-reach-${a} and dne-reach-${b} (A new user-defined bridge network: both ` +
    'get an address and resolve each other by name.)'
  );
}

export interface WordingCase {
  title: string;
  /** Edits of the recorded engine JSON (reachVariants.ts); none: the recording as it is. */
  edits?: Edit[];
  ask: Ask;
  lines: string[];
}

/** One test per case: the world built inside the test (perTest coverage sees the analysis), the lines compared. */
export function describeWording(title: string, cases: readonly WordingCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(c.title, () => {
        const w = c.edits ? edited(...c.edits) : undefined;
        assert.deepEqual(wording(w ? ask(c.ask, w) : ask(c.ask), w ?? { snapshot }), c.lines);
      });
    }
  });
}
