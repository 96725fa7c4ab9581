/**
 * The messages between the connectivity report's host side and its webview (webview/connectivity/). The host
 * sends finished, localized text only; the webview puts it in the DOM with textContent, never as HTML.
 */
import type { FactStatus, Verdict } from '../diagnose/reachability/types';

export interface ReportFactView {
  status: FactStatus;
  text: string;
  /** The engine field, e.g. "HostConfig.NetworkMode (dne-api)". */
  source: string;
}

export interface ReportStepView {
  command: string;
  output: string;
  meaning: string;
}

export interface ReportFixView {
  label: string;
  detail?: string;
  /** A button (runs a command after the click); otherwise advice text. */
  actionable: boolean;
}

export interface ReportView {
  title: string;
  verdict: Verdict | 'checking';
  headline: string;
  /** The agreement between verdict and probe, or why no probe ran. */
  probeVerdict?: { kind: 'confirmed' | 'disagrees' | 'probeDecides' | 'notCompared'; text: string };
  facts: ReportFactView[];
  steps: ReportStepView[];
  probeSummary?: string;
  fixes: ReportFixView[];
  footer: string;
  labels: {
    facts: string;
    probe: string;
    fixes: string;
    noFixes: string;
    rerun: string;
    copy: string;
    topology: string;
    field: string;
    output: string;
  };
}

export type HostToReport = { type: 'show'; view: ReportView } | { type: 'busy'; busy: boolean };

export type ReportToHost =
  | { type: 'ready' }
  | { type: 'fix'; index: number }
  | { type: 'rerun' }
  | { type: 'copyMarkdown' }
  | { type: 'showTopology' };

export function isReportToHost(value: unknown): value is ReportToHost {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'rerun':
    case 'copyMarkdown':
    case 'showTopology':
      return true;
    case 'fix':
      return typeof m.index === 'number' && Number.isInteger(m.index) && m.index >= 0;
    default:
      return false;
  }
}
