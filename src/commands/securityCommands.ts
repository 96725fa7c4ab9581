/**
 * `dockerNetworks.reviewSecurity`: runs the review with progress and shows it as a read-only Markdown document
 * `docker-network-security:/Security review.md`, opened in the Markdown preview (the status bar's security item,
 * src/troubleshoot/securityStatus.ts, runs this command).
 */
import * as vscode from 'vscode';
import type { Translate } from '../explorer/present/text';
import { runSecurityReview } from '../troubleshoot/securityReview';
import { securityReportMarkdown } from '../troubleshoot/securityReportMarkdown';
import type { CommandEntry, CommandServices } from './services';

export const SECURITY_SCHEME = 'docker-network-security';
/** The report's document (a function: nothing touches the vscode API while the bundle loads). */
export function securityReportUri(): vscode.Uri {
  return vscode.Uri.from({ scheme: SECURITY_SCHEME, path: '/Security review.md' });
}

const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

class SecurityReportDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private text = `# ${vscode.l10n.t('Docker network security review')}\n\n${vscode.l10n.t('Run "Review Network Security" to fill this report.')}\n`;

  provideTextDocumentContent(): string {
    return this.text;
  }

  set(text: string): void {
    this.text = text;
    this.changed.fire(securityReportUri());
  }
}

let documents: SecurityReportDocuments | undefined;

function ensureDocuments(): SecurityReportDocuments {
  if (!documents) {
    documents = new SecurityReportDocuments();
    vscode.workspace.registerTextDocumentContentProvider(SECURITY_SCHEME, documents);
  }
  return documents;
}

/** Runs the review and opens the report; returns its Markdown (for tests and other callers). */
async function reviewSecurity(services: CommandServices): Promise<string> {
  const markdown = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Reviewing the network security of the Docker engine...'),
    },
    async () => {
      const engine = await services.engine();
      const review = await runSecurityReview(engine, services.feed.snapshot);
      return securityReportMarkdown(review.findings, review.context, t);
    },
  );
  ensureDocuments().set(markdown);
  await vscode.commands.executeCommand('markdown.showPreview', securityReportUri());
  return markdown;
}

export const securityCommands: CommandEntry[] = [
  { id: 'dockerNetworks.reviewSecurity', run: (services) => reviewSecurity(services) },
];
