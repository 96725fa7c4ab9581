/**
 * The security review as Markdown: per finding its severity, what is wrong, why it matters, who is concerned and
 * the fix. Pure (no `vscode`): words through the injected `t`, engine strings escaped (never HTML, never links).
 */
import type { SecurityFinding, SecurityRuleId, SecuritySeverity } from '../diagnose/security';
import { escapeMarkdown, type Translate } from '../explorer/present/text';

export interface SecurityReportContext {
  engine: string;
  /** ISO time of the review. */
  at: string;
  containersReviewed: number;
  /** Containers whose privileges could not be read (inspect failed), with the reason. */
  uninspected: ReadonlyArray<{ name: string; reason: string }>;
}

interface RuleText {
  title: string;
  why: string;
  fix: string;
}

function ruleText(finding: SecurityFinding, t: Translate): RuleText {
  const networks = finding.networks.map((n) => n.name).join(', ');
  const facts = finding.facts.join(', ');
  const texts: Record<SecurityRuleId, () => RuleText> = {
    enginePlainTcp: () => ({
      title: t('The engine is reached over plain TCP, without TLS'),
      why: t(
        'Anyone who can reach {0} controls the engine, and through it the host (as root); the traffic, secrets included, is not encrypted.',
        facts,
      ),
      fix: t(
        'Use TLS (port 2376 with DOCKER_TLS_VERIFY=1 and client certificates) or ssh://user@host, and stop the engine listening on plain TCP.',
      ),
    }),
    privilegedOnSharedNetwork: () => ({
      title: t('Privileged container on a shared network'),
      why: t(
        'A privileged container holds every capability: it can reconfigure its network namespace and capture or spoof the traffic of the containers it shares a network with ({0}).',
        networks || t('the host'),
      ),
      fix: t(
        'Run it without --privileged (privileged: false) and add only the capabilities it needs, or give it a network of its own.',
      ),
    }),
    netCapabilityOnSharedNetwork: () => ({
      title: t('{0} on a shared network', facts),
      why: t(
        'NET_ADMIN changes interfaces, routes and firewall rules; NET_RAW opens raw sockets (ARP spoofing, crafted packets). Both reach the other containers on {0}.',
        networks || t('the host'),
      ),
      fix: t(
        "Remove it from cap_add (NET_RAW is also in Docker's default set: cap_drop: [NET_RAW] removes it), or isolate the container on its own network.",
      ),
    }),
    hostNetworkMode: () => ({
      title: t('Container in host network mode'),
      why: t(
        "It shares the host's network stack: every port it opens is open on the host, it sees the host's interfaces and traffic, and network isolation does not apply.",
      ),
      fix: t(
        'Use a bridge network and publish only the ports it needs (on 127.0.0.1 when only local clients connect).',
      ),
    }),
    portAllInterfaces: () => ({
      title: t('Ports published on all interfaces'),
      why: t(
        "{0} accept connections from every network the host is on; Docker's iptables rules pass before host firewalls such as ufw.",
        facts,
      ),
      fix: t(
        'Publish on 127.0.0.1 (-p 127.0.0.1:HOST:CONTAINER, or host_ip in compose) unless other machines must connect.',
      ),
    }),
    defaultBridge: () => ({
      title: t('Containers on the default bridge network'),
      why: t(
        'The default bridge has no DNS between containers, and every container on it can reach every port of the others.',
      ),
      fix: t(
        'Create a user-defined network per application (docker network create, networks: in compose) and move the containers to it.',
      ),
    }),
    iccSingleProject: () => ({
      title: t('Network open between all containers of one compose project'),
      why: t(
        'Every member of {0} belongs to compose project {1} and inter-container communication is on: each container can reach every port of the others.',
        networks,
        finding.facts[0] ?? '',
      ),
      fix:
        finding.facts[1] === 'internal'
          ? t('Split the network so services that do not talk to each other do not share it.')
          : t(
              'If none of its services needs to reach outside the host, mark it internal (internal: true); split it so services that do not talk to each other do not share it.',
            ),
    }),
  };
  return texts[finding.rule]();
}

function severityLabel(severity: SecuritySeverity, t: Translate): string {
  return { high: t('High'), medium: t('Medium'), low: t('Low') }[severity];
}

/** Renders the whole report; findings are expected most severe first (as reviewSecurity returns them). */
export function securityReportMarkdown(
  findings: readonly SecurityFinding[],
  context: SecurityReportContext,
  t: Translate,
): string {
  const count = (s: SecuritySeverity) => findings.filter((f) => f.severity === s).length;
  const lines = [
    `# ${t('Docker network security review')}`,
    '',
    `${t('Engine')}: ${escapeMarkdown(context.engine)} · ${t('Reviewed at')}: ${escapeMarkdown(context.at)} · ${t('Running containers')}: ${context.containersReviewed}`,
    '',
    findings.length === 0
      ? t(
          'No findings: nothing published on all interfaces, no host-mode, privileged or NET_ADMIN/NET_RAW containers on shared networks, nothing on the default bridge, and the engine is not on plain TCP.',
        )
      : t(
          '{0} findings: {1} high, {2} medium, {3} low.',
          findings.length,
          count('high'),
          count('medium'),
          count('low'),
        ),
  ];
  for (const finding of findings) {
    const text = ruleText(finding, t);
    lines.push(
      '',
      `## ${severityLabel(finding.severity, t)}: ${escapeMarkdown(text.title)}`,
      '',
      escapeMarkdown(text.why),
      '',
    );
    if (finding.containers.length)
      lines.push(`- **${t('Containers')}:** ${finding.containers.map((c) => escapeMarkdown(c.name)).join(', ')}`);
    if (finding.networks.length)
      lines.push(`- **${t('Networks')}:** ${finding.networks.map((n) => escapeMarkdown(n.name)).join(', ')}`);
    lines.push(`- **${t('Fix')}:** ${escapeMarkdown(text.fix)}`);
  }
  if (context.uninspected.length) {
    lines.push('', `## ${t('Not reviewed')}`, '', t('The privileges of these containers could not be read:'), '');
    for (const u of context.uninspected) lines.push(`- ${escapeMarkdown(u.name)}: ${escapeMarkdown(u.reason)}`);
  }
  return lines.join('\n') + '\n';
}
