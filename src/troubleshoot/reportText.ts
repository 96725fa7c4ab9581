/**
 * Turns a CheckResult into what the user reads: the title "Connectivity: A -> B:port", the verdict first, the
 * facts with the engine field each comes from, the probe transcript with the meaning of each step, the fixes, and
 * the same as Markdown for an issue tracker. Pure at runtime (type-only vscode import, see factText.ts).
 */
import type { Agreement } from '../diagnose/probe/agreement';
import type { ProbeResult, ProbeStep } from '../diagnose/probe/types';
import type { Fix } from '../diagnose/reachability/types';
import type { TopologySnapshot } from '../model/topology';
import type { CheckResult } from './connectivityCheck';
import { factText, type L10n } from './factText';
import type { ReportFixView, ReportView } from './protocol';

export function reportTitle(l10n: L10n, source: string, target: string, port?: number, protocol?: string): string {
  const where = port === undefined ? target : `${target}:${port}${protocol === 'udp' ? '/udp' : ''}`;
  return l10n.t('Connectivity: {0} -> {1}', source, where);
}

function headline(l10n: L10n, r: CheckResult): string {
  const target = r.request.port === undefined ? r.targetName : `${r.targetName}:${r.request.port}`;
  switch (r.report.verdict) {
    case 'reachable':
      return l10n.t('Reachable: {0} can reach {1}.', r.sourceName, target);
    case 'notReachable':
      return l10n.t('Not reachable: {0} cannot reach {1}.', r.sourceName, target);
    case 'onlyViaPublishedPort':
      return l10n.t(
        'Reachable only through the published port: {0} shares no network with {1}, but reaches it through the host.',
        r.sourceName,
        target,
      );
    case 'unknown':
      return l10n.t("Unknown from the engine's data: see the probe for what really happens.");
  }
}

/** The main reason in a few words, from the first problem fact: "no shared network". */
export function mainReason(l10n: L10n, r: CheckResult): string | undefined {
  const problem = r.report.facts.find((f) => f.status === 'problem');
  return problem ? factText(l10n, problem) : undefined;
}

function name(snapshot: TopologySnapshot, id: string): string {
  return snapshot.containers.get(id)?.name ?? id.slice(0, 12);
}

export function fixView(l10n: L10n, fix: Fix, snapshot: TopologySnapshot): ReportFixView {
  const names = fix.containerIds.map((id) => name(snapshot, id));
  const network = fix.networkId ? (snapshot.networks.get(fix.networkId)?.name ?? fix.networkId.slice(0, 12)) : '';
  switch (fix.kind) {
    case 'connect':
      return { label: l10n.t('Connect {0} to {1}', names.join(', '), network), actionable: true };
    case 'createNetworkAndConnect':
      return {
        label: l10n.t('Create a network and connect {0}', names.join(l10n.t(' and '))),
        detail: l10n.t('A new user-defined bridge network: both get an address and resolve each other by name.'),
        actionable: true,
      };
    case 'useName':
      return {
        label: l10n.t('Re-check with the name {0}', fix.name ?? ''),
        detail: l10n.t("This name resolves on {0}; use it in the source's configuration.", network),
        actionable: true,
      };
    case 'useAddress':
      return {
        label: l10n.t('Re-check with the address {0}', fix.address ?? ''),
        detail: l10n.t('No name resolves here; the address works but may change when the container is recreated.'),
        actionable: true,
      };
    case 'startContainer':
      return {
        label: l10n.t('Start {0}', names.join(', ')),
        detail: l10n.t('docker start {0}', names.join(' ')),
        actionable: false,
      };
    case 'listenOnAllInterfaces':
      return {
        label: l10n.t('Make {0} listen on 0.0.0.0:{1}', names.join(', '), String(fix.port ?? '')),
        detail: l10n.t('The service binds to loopback: configure it to bind to all interfaces (0.0.0.0 or ::).'),
        actionable: false,
      };
    case 'macvlanShim':
      return {
        label: l10n.t('Add a {0} shim interface on the host', network),
        detail: l10n.t(
          "ip link add shim link <parent> type macvlan mode bridge; give it an address in the subnet; route the containers' addresses through it.",
        ),
        actionable: false,
      };
  }
}

const OUTCOME_TEXT: Record<ProbeStep['outcome'], (l10n: L10n, s: ProbeStep) => string> = {
  resolved: (l10n, s) => l10n.t('Resolved: {0}.', s.addresses.join(', ')),
  nxdomain: (l10n) => l10n.t('NXDOMAIN: the name does not exist for the DNS server of this namespace.'),
  noDnsAnswer: (l10n) => l10n.t('No DNS server answered: none is configured, or it refused or timed out.'),
  connected: (l10n) => l10n.t('Connected: the TCP handshake completed.'),
  refused: (l10n) => l10n.t('Refused: the target answered, so the path works, but nothing listens on that port.'),
  timeout: (l10n) => l10n.t('Timed out: no answer within 2 s; the packets are dropped on the way.'),
  unreachable: (l10n) => l10n.t('Unreachable: there is no route to that address from this namespace.'),
  badAddress: (l10n) => l10n.t('The tool could not resolve the name.'),
  replied: (l10n) => l10n.t('A ping reply came back.'),
  noTool: (l10n, s) => l10n.t('The image has no tool for this step ({0}).', s.kind),
  error: (l10n) => l10n.t('Unexpected output: read it above.'),
};

const FAILURE_TEXT: Record<NonNullable<ProbeResult['failure']>, (l10n: L10n, detail: string) => string> = {
  noShell: (l10n, d) =>
    l10n.t(
      'The probe could not run: the image has no shell ({0}). Name a diagnostics image that is present on the engine (for example nicolaka/netshoot, after pulling it yourself) in the setting dockerNetworks.diagnostics.helperImage: it joins the namespace for the probe and is removed afterwards.',
      d,
    ),
  notRunning: (l10n, d) => l10n.t('The probe could not run: the source is not running ({0}).', d),
  containerGone: (l10n, d) => l10n.t('The probe could not run: the container was removed meanwhile ({0}).', d),
  execRefused: (l10n, d) =>
    l10n.t(
      "The probe could not run: the engine refused exec ({0}). An authorization plugin may forbid it; the verdict above stands on the engine's data alone.",
      d,
    ),
  timedOut: (l10n) => l10n.t('The probe did not finish within 5 s and was abandoned; its commands end by themselves.'),
  helperImageMissing: (l10n, d) =>
    l10n.t(
      'The diagnostics image is not on the engine ({0}). Nothing is pulled automatically: pull it yourself (docker pull) or name another image in dockerNetworks.diagnostics.helperImage.',
      d,
    ),
  engineError: (l10n, d) => l10n.t('The probe failed: {0}', d),
  cancelled: (l10n) => l10n.t('The probe was cancelled.'),
};

function agreementView(l10n: L10n, agreement: Agreement | undefined, probe: ProbeResult): ReportView['probeVerdict'] {
  if (probe.failure) return { kind: 'notCompared', text: FAILURE_TEXT[probe.failure](l10n, probe.failureDetail ?? '') };
  switch (agreement?.kind) {
    case 'confirmed':
      return { kind: 'confirmed', text: l10n.t('The probe confirms the verdict.') };
    case 'probeDecides':
      return {
        kind: 'probeDecides',
        text:
          probe.conclusion === 'reachable'
            ? l10n.t('The probe got through.')
            : l10n.t('The probe did not get through.'),
      };
    case 'disagrees':
      return { kind: 'disagrees', text: DISAGREEMENT_TEXT[agreement.finding](l10n) };
    default:
      return {
        kind: 'notCompared',
        text: l10n.t(
          'The probe was inconclusive: the image lacks the tools (found: {0}).',
          probe.tools.join(', ') || '-',
        ),
      };
  }
}

const DISAGREEMENT_TEXT = {
  droppedDespiteConfiguration: (l10n: L10n) =>
    l10n.t(
      "The probe disagrees: Docker's configuration allows this, but the packets were dropped. Look for a firewall rule on the host (iptables/nftables) or a network policy outside Docker.",
    ),
  nothingListens: (l10n: L10n) =>
    l10n.t(
      'The probe disagrees: the path works, but nothing listens on that port in the target (connection refused). Check that the service runs and binds to that port.',
    ),
  nameDidNotResolve: (l10n: L10n) =>
    l10n.t(
      "The probe disagrees: the name should resolve, but it did not in the source. Check the source's /etc/resolv.conf and DNS options (--dns).",
    ),
  reachedDespiteConfiguration: (l10n: L10n) =>
    l10n.t(
      "The probe disagrees: it got through although the engine's configuration says it should not. A route, a resolver or a rule exists that the engine does not show.",
    ),
} as const;

export function buildReportView(l10n: L10n, r: CheckResult): ReportView {
  const probe = r.probe;
  const fields = (f: CheckResult['report']['facts'][number]) => `${f.field} (${f.subject})`;
  return {
    title: reportTitle(l10n, r.sourceName, r.targetName, r.request.port, r.request.protocol),
    verdict: r.report.verdict,
    headline: headline(l10n, r),
    probeVerdict: probe ? agreementView(l10n, r.agreement, probe) : undefined,
    facts: r.report.facts.map((f) => ({ status: f.status, text: factText(l10n, f), source: fields(f) })),
    steps: (probe?.steps ?? []).map((s) => ({
      command: s.command,
      output: s.output,
      meaning: OUTCOME_TEXT[s.outcome](l10n, s),
    })),
    probeSummary: probe
      ? l10n.t(
          "Probe {0} from {1}'s namespace in {2} ms.",
          probe.via === 'exec' ? l10n.t('by exec') : l10n.t('by a helper container'),
          r.sourceName,
          String(probe.durationMs),
        )
      : undefined,
    fixes: r.report.fixes.map((f) => fixView(l10n, f, r.snapshot)),
    footer: l10n.t('Checked at {0}; explained in {1} ms.', r.checkedAt.toISOString(), r.explainMs.toFixed(2)),
    labels: {
      facts: l10n.t('Facts'),
      probe: l10n.t('Probe'),
      fixes: l10n.t('Fixes'),
      noFixes: l10n.t('Nothing to fix.'),
      rerun: l10n.t('Re-run'),
      copy: l10n.t('Copy as Markdown'),
      topology: l10n.t('Show in Topology'),
      field: l10n.t('from'),
      output: l10n.t('output'),
    },
  };
}

const STATUS_MARK: Record<string, string> = { ok: '✔', problem: '✖', warning: '⚠', info: 'ℹ' };

/** Markdown-safe inline text: engine strings cannot open links, emphasis or HTML (a lone ">" cannot). */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<~]/g, (c) => `\\${c}`);
}

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}\n${text}\n${ticks}`;
}

export function reportMarkdown(view: ReportView): string {
  const lines = [`## ${md(view.title)}`, '', `**${md(view.headline)}**`, ''];
  if (view.probeVerdict) lines.push(md(view.probeVerdict.text), '');
  lines.push(`### ${md(view.labels.facts)}`, '');
  for (const f of view.facts)
    lines.push(
      `- ${STATUS_MARK[f.status] ?? ''} ${md(f.text)} _(${md(view.labels.field)} \`${f.source.replace(/`/g, "'")}\`)_`,
    );
  if (view.steps.length > 0) {
    lines.push('', `### ${md(view.labels.probe)}`, '');
    if (view.probeSummary) lines.push(md(view.probeSummary), '');
    for (const s of view.steps) lines.push(fence(`$ ${s.command}\n${s.output}`), md(s.meaning), '');
  }
  lines.push('', `### ${md(view.labels.fixes)}`, '');
  if (view.fixes.length === 0) lines.push(md(view.labels.noFixes));
  for (const f of view.fixes) lines.push(`- ${md(f.label)}${f.detail ? `: ${md(f.detail)}` : ''}`);
  lines.push('', `_${md(view.footer)}_`, '');
  return lines.join('\n');
}
