/**
 * Which tree items the user expanded or collapsed, by tree item id. While the engine is away the trees are empty
 * (so the welcome view shows) and VS Code forgets the expansion of the items it dropped; when the engine comes
 * back, getTreeItem hands out the remembered state so the same networks open again. Pure: no `vscode`.
 */

export interface ExpansionEvent<T> {
  readonly element: T;
}

export interface ExpandableView<T> {
  onDidExpandElement(listener: (event: ExpansionEvent<T>) => unknown): { dispose(): unknown };
  onDidCollapseElement(listener: (event: ExpansionEvent<T>) => unknown): { dispose(): unknown };
}

export class ExpansionMemory {
  private readonly expanded = new Set<string>();
  private readonly collapsed = new Set<string>();

  /** Follows a tree view's expand/collapse events; `idOf` gives the node's tree item id. */
  track<T>(view: ExpandableView<T>, idOf: (node: T) => string | undefined): { dispose(): void } {
    const subscriptions = [
      view.onDidExpandElement(({ element }) => this.remember(idOf(element), true)),
      view.onDidCollapseElement(({ element }) => this.remember(idOf(element), false)),
    ];
    return { dispose: () => subscriptions.forEach((s) => s.dispose()) };
  }

  remember(id: string | undefined, expanded: boolean): void {
    if (id === undefined) return;
    (expanded ? this.expanded : this.collapsed).add(id);
    (expanded ? this.collapsed : this.expanded).delete(id);
  }

  /** The remembered state of an expandable item, else its default. */
  isExpanded(id: string, byDefault: boolean): boolean {
    if (this.expanded.has(id)) return true;
    if (this.collapsed.has(id)) return false;
    return byDefault;
  }
}
