/**
 * The compose plan's side list: each network and service of the compose file in the active editor with its status
 * against the engine (ok, missing, undeclared, different); a running item is clickable and selects its node.
 * Returns the marks the graph draws after the labels of the items that are not ok.
 */
import type { PlanOverlay } from '../src/topology/protocol';
import { el } from './dom';
import { tr } from './l10n';

const PLAN_STATUS: Record<PlanOverlay['items'][number]['status'], () => string> = {
  ok: () => tr('ok'),
  missing: () => tr('missing'),
  undeclared: () => tr('undeclared'),
  different: () => tr('different'),
};
const PLAN_KIND: Record<PlanOverlay['items'][number]['kind'], () => string> = {
  network: () => tr('network'),
  service: () => tr('service'),
};

/** Fills (or, with null, hides) the plan section; `pick` selects and reveals a node. */
export function renderPlanPane(
  plan: HTMLElement,
  overlay: PlanOverlay | null,
  pick: (nodeId: string) => void,
): Map<string, string> {
  const marks = new Map<string, string>();
  if (!overlay) {
    plan.hidden = true;
    plan.replaceChildren();
    return marks;
  }
  const items = el('ul');
  for (const it of overlay.items) {
    if (it.nodeId && it.status !== 'ok') marks.set(it.nodeId, it.status);
    const li = el(
      'li',
      { className: `plan-${it.status}` },
      el('span', { className: 'badge', text: PLAN_STATUS[it.status]() }),
      document.createTextNode(` ${PLAN_KIND[it.kind]()} ${it.name}: ${it.detail}`),
    );
    if (it.nodeId) {
      const id = it.nodeId;
      li.tabIndex = 0;
      li.addEventListener('click', () => pick(id));
    }
    items.append(li);
  }
  plan.replaceChildren(el('h2', { text: tr('Plan: {0} (project {1})', overlay.file, overlay.project) }), items);
  plan.hidden = false;
  return marks;
}
