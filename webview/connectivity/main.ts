/**
 * The connectivity report's webview: renders the host's ReportView as real DOM text (textContent only, never
 * HTML), with native buttons (keyboard reachable, Enter/Space) for the fixes, Re-run and Copy as Markdown.
 * Colours come from the VS Code theme variables (media/connectivity.css).
 */
import type { HostToReport, ReportToHost, ReportView } from '../../src/troubleshoot/protocol';

interface VsCodeApi {
  postMessage(message: ReportToHost): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;
app.setAttribute('role', 'main');
app.setAttribute('aria-live', 'polite');

const STATUS_ICON: Record<string, string> = { ok: '✔', problem: '✖', warning: '⚠', info: 'ℹ' };

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(label: string, onClick: () => void, className = 'action'): HTMLButtonElement {
  const b = el('button', className, label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

function section(title: string, id: string): HTMLElement {
  const s = el('section');
  s.setAttribute('aria-labelledby', id);
  const h = el('h2', undefined, title);
  h.id = id;
  s.append(h);
  return s;
}

function render(view: ReportView): void {
  const header = el('header');
  header.append(el('h1', 'title', view.title));
  const verdict = el('p', `verdict verdict-${view.verdict}`, view.headline);
  verdict.setAttribute('role', 'status');
  verdict.dataset.verdict = view.verdict;
  header.append(verdict);
  if (view.probeVerdict)
    header.append(el('p', `probe-verdict probe-${view.probeVerdict.kind}`, view.probeVerdict.text));
  const toolbar = el('div', 'toolbar');
  toolbar.append(
    button(view.labels.rerun, () => api.postMessage({ type: 'rerun' })),
    button(view.labels.copy, () => api.postMessage({ type: 'copyMarkdown' })),
    button(view.labels.topology, () => api.postMessage({ type: 'showTopology' })),
  );
  header.append(toolbar);

  const facts = section(view.labels.facts, 'facts-title');
  const list = el('ol', 'facts');
  for (const f of view.facts) {
    const item = el('li', `fact fact-${f.status}`);
    const icon = el('span', 'icon', STATUS_ICON[f.status] ?? '');
    icon.setAttribute('aria-label', f.status);
    item.append(icon, el('span', 'text', f.text), el('span', 'field', `${view.labels.field} ${f.source}`));
    list.append(item);
  }
  facts.append(list);

  const fixes = section(view.labels.fixes, 'fixes-title');
  if (view.fixes.length === 0) fixes.append(el('p', 'none', view.labels.noFixes));
  view.fixes.forEach((fix, index) => {
    const row = el('div', 'fix');
    if (fix.actionable)
      row.append(button(fix.label, () => api.postMessage({ type: 'fix', index }), 'action fix-button'));
    else row.append(el('strong', 'advice', fix.label));
    if (fix.detail) row.append(el('span', 'detail', fix.detail));
    fixes.append(row);
  });

  const children: HTMLElement[] = [header, facts, fixes];
  if (view.probeSummary || view.steps.length > 0) {
    const probe = section(view.labels.probe, 'probe-title');
    if (view.probeSummary) probe.append(el('p', 'summary', view.probeSummary));
    for (const s of view.steps) {
      const step = el('div', 'step');
      step.append(el('pre', 'command', `$ ${s.command}`));
      if (s.output) {
        const out = el('pre', 'output', s.output);
        out.setAttribute('aria-label', view.labels.output);
        step.append(out);
      }
      step.append(el('p', 'meaning', s.meaning));
      probe.append(step);
    }
    children.splice(2, 0, probe);
  }
  children.push(el('footer', undefined, view.footer));
  app.replaceChildren(...children);
}

function isHostMessage(value: unknown): value is HostToReport {
  const m = value as { type?: unknown; view?: { title?: unknown }; busy?: unknown } | null;
  return (
    !!m &&
    ((m.type === 'show' && typeof m.view?.title === 'string') || (m.type === 'busy' && typeof m.busy === 'boolean'))
  );
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isHostMessage(event.data)) return;
  if (event.data.type === 'show') render(event.data.view);
  else document.body.classList.toggle('busy', event.data.busy);
});
api.postMessage({ type: 'ready' });
