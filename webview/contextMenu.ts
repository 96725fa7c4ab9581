/** The right-click menu of a node or an endpoint edge: the explorer's own commands, run by the host. */
import type { GraphNode, NodeAction } from '../src/topology/protocol';
import { tr } from './l10n';
import { el } from './dom';

export interface MenuTarget {
  /** The id the host resolves: n:<network>, c:<container> or e:<network>/<container>. */
  targetId: string;
  node?: GraphNode;
}

const LABELS: Record<NodeAction, () => string> = {
  disconnect: () => tr('Disconnect'),
  connect: () => tr('Connect to...'),
  inspect: () => tr('Inspect'),
  reveal: () => tr('Reveal in the Tree'),
  checkConnectivity: () => tr('Check Connectivity...'),
};

/** An entry the page handles itself (not a host action), such as opening a network of the networks-only graph. */
export interface LocalItem {
  id: string;
  label: string;
  run(): void;
}

export function actionsFor(target: MenuTarget): NodeAction[] {
  if (target.targetId.startsWith('e:')) return ['disconnect', 'inspect', 'reveal', 'checkConnectivity'];
  if (target.node?.kind === 'network') return ['connect', 'inspect', 'reveal'];
  if (target.node?.kind === 'container') return ['connect', 'disconnect', 'checkConnectivity'];
  return [];
}

export class ContextMenu {
  private readonly root = el('div', { className: 'context-menu', attrs: { role: 'menu', hidden: '' } });
  private restoreFocus: HTMLElement | null = null;

  constructor(
    host: HTMLElement,
    private readonly run: (action: NodeAction, targetId: string) => void,
  ) {
    host.append(this.root);
    this.root.addEventListener('keydown', (e) => this.onKey(e));
    document.addEventListener('mousedown', (e) => {
      if (!this.root.contains(e.target as Node)) this.close();
    });
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  /** `local`: entries first, run in the page. */
  open(target: MenuTarget, x: number, y: number, title: string, local: LocalItem[] = []): void {
    const items = [
      ...local,
      ...actionsFor(target).map((a) => ({ id: a, label: LABELS[a](), run: () => this.run(a, target.targetId) })),
    ];
    if (!items.length) return;
    this.restoreFocus = document.activeElement as HTMLElement | null;
    this.root.replaceChildren(
      el('div', { className: 'menu-title', text: title }),
      ...items.map((item) => {
        const attrs = { role: 'menuitem', 'data-action': item.id, tabindex: '-1' };
        const b = el('button', { text: item.label, attrs });
        b.addEventListener('click', () => {
          this.close();
          item.run();
        });
        return b;
      }),
    );
    this.root.hidden = false;
    // kept inside its container: a node near the bottom or right edge opens the menu above or left of the pointer
    const box = (this.root.offsetParent as HTMLElement | null) ?? document.documentElement;
    const left = Math.max(0, Math.min(x, box.clientWidth - this.root.offsetWidth - 4));
    const top = Math.max(0, Math.min(y, box.clientHeight - this.root.offsetHeight - 4));
    // CSSOM property writes are not inline-style markup: CSP allows them
    this.root.style.left = `${Math.round(left)}px`;
    this.root.style.top = `${Math.round(top)}px`;
    this.items()[0]?.focus();
  }

  close(): void {
    if (this.root.hidden) return;
    this.root.hidden = true;
    this.restoreFocus?.focus();
  }

  private items(): HTMLButtonElement[] {
    return Array.from(this.root.querySelectorAll('button'));
  }

  private onKey(e: KeyboardEvent): void {
    const items = this.items();
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Escape') this.close();
    else return;
    e.preventDefault();
  }
}
