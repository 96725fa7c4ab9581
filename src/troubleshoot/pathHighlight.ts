/**
 * A check's path as topology marks: the source, each network on the path and the target; when there is no path,
 * source and target marked with the missing link. Node ids are the topology graph's (c:<container>, n:<network>).
 */
import type { PathHighlight, PathMark } from '../topology/protocol';
import type { CheckResult } from './connectivityCheck';
import type { L10n } from './factText';

export function pathHighlight(l10n: L10n, r: CheckResult): PathHighlight {
  const { report, request } = r;
  const source = report.sourceNamespaceId ?? request.sourceId;
  const target =
    report.targetNamespaceId ?? (request.target.kind === 'container' ? request.target.containerId : undefined);
  const marks: PathMark[] = [];
  const reached = report.verdict === 'reachable' || report.verdict === 'onlyViaPublishedPort';
  if (reached || report.pathNetworkIds.length > 0) {
    marks.push({ nodeId: `c:${source}`, label: l10n.t('source') });
    for (const id of report.pathNetworkIds)
      marks.push({ nodeId: `n:${id}`, label: reached ? l10n.t('path') : l10n.t('blocked here') });
    if (target) marks.push({ nodeId: `c:${target}`, label: l10n.t('target') });
    return { marks };
  }
  const missing = report.facts.find((f) => f.status === 'problem');
  const why = missing?.code === 'noSharedNetwork' ? l10n.t('no shared network') : l10n.t('not reachable');
  marks.push({ nodeId: `c:${source}`, label: l10n.t('source: {0}', why) });
  if (target) marks.push({ nodeId: `c:${target}`, label: l10n.t('target: {0}', why) });
  return { marks };
}
