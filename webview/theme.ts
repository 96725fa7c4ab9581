/**
 * Graph colours come from the VS Code theme: media/topology.css maps each colour role to a theme variable
 * (--vscode-charts-*, ...), and this module reads the computed values, again whenever the theme changes.
 */
import { COLOR_ROLES, type ColorRole } from '../src/topology/protocol';

export interface Palette {
  roles: Record<ColorRole, string>;
  foreground: string;
  background: string;
  edge: string;
  edgeMember: string;
  selection: string;
  dimmed: string;
  /** The observed connections layer: connections, and attempts that got no answer. */
  observed: string;
  failed: string;
  /** The editor's UI font (canvas text needs a resolved family, not a CSS variable). */
  fontFamily: string;
}

function read(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const v = style.getPropertyValue(name).trim();
  return v || fallback;
}

export function readPalette(): Palette {
  const style = getComputedStyle(document.documentElement);
  const roles = {} as Record<ColorRole, string>;
  for (const r of COLOR_ROLES) roles[r] = read(style, `--dne-${r}`, '#888888');
  return {
    roles,
    foreground: read(style, '--dne-foreground', '#cccccc'),
    background: read(style, '--dne-background', '#1e1e1e'),
    edge: read(style, '--dne-edge', '#6b6b6b'),
    edgeMember: read(style, '--dne-edge-member', '#444444'),
    selection: read(style, '--dne-selection', '#007fd4'),
    dimmed: read(style, '--dne-dimmed', '#3a3a3a'),
    observed: read(style, '--dne-observed', '#d18616'),
    failed: read(style, '--dne-failed', '#f48771'),
    fontFamily: read(style, '--vscode-font-family', 'sans-serif'),
  };
}

/** Calls back when VS Code switches theme (it changes the body's class and the CSS variables). */
export function onThemeChange(callback: () => void): void {
  new MutationObserver(callback).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
