/**
 * The topology webview's sentences in the user's language: every message the webview passes to `tr()`
 * (webview/l10n.ts), translated here through vscode.l10n.t so `npm run l10n` extracts them with the rest. The
 * panel puts this table in the page; a unit test checks that it holds exactly the webview's messages.
 */
import * as vscode from 'vscode';

export function webviewStrings(): Record<string, string> {
  return {
    Disconnect: vscode.l10n.t('Disconnect'),
    'Connect to...': vscode.l10n.t('Connect to...'),
    Inspect: vscode.l10n.t('Inspect'),
    'Reveal in the Tree': vscode.l10n.t('Reveal in the Tree'),
    'Check Connectivity...': vscode.l10n.t('Check Connectivity...'),
    'Select a node (click, or arrow keys in the graph) to see its details.': vscode.l10n.t(
      'Select a node (click, or arrow keys in the graph) to see its details.',
    ),
    'compose: {0}': vscode.l10n.t('compose: {0}'),
    Network: vscode.l10n.t('Network'),
    Container: vscode.l10n.t('Container'),
    'Published port': vscode.l10n.t('Published port'),
    Subnet: vscode.l10n.t('Subnet'),
    State: vscode.l10n.t('State'),
    'Reachable from': vscode.l10n.t('Reachable from'),
    'Topology as a list': vscode.l10n.t('Topology as a list'),
    '{0} items, first {1} shown: filter to narrow': vscode.l10n.t('{0} items, first {1} shown: filter to narrow'),
    '{0} items': vscode.l10n.t('{0} items'),
    Kind: vscode.l10n.t('Kind'),
    Name: vscode.l10n.t('Name'),
    Details: vscode.l10n.t('Details'),
    Networks: vscode.l10n.t('Networks'),
    'Compose project': vscode.l10n.t('Compose project'),
    'network graph': vscode.l10n.t('network graph'),
    'Topology graph. Arrow keys move between nodes, Enter centres (on a network of the networks-only graph, shows its containers; Escape goes back), F fits all, Shift+F10 opens actions, L switches to the list view.':
      vscode.l10n.t(
        'Topology graph. Arrow keys move between nodes, Enter centres (on a network of the networks-only graph, shows its containers; Escape goes back), F fits all, Shift+F10 opens actions, L switches to the list view.',
      ),
    'Details of the selection': vscode.l10n.t('Details of the selection'),
    'Compose file against the engine': vscode.l10n.t('Compose file against the engine'),
    'Search by name': vscode.l10n.t('Search by name'),
    'Search nodes by name': vscode.l10n.t('Search nodes by name'),
    'Filter by driver': vscode.l10n.t('Filter by driver'),
    'Filter by network': vscode.l10n.t('Filter by network'),
    'Filter by compose project': vscode.l10n.t('Filter by compose project'),
    'Topology tools': vscode.l10n.t('Topology tools'),
    Fit: vscode.l10n.t('Fit'),
    'Zoom to fit': vscode.l10n.t('Zoom to fit'),
    List: vscode.l10n.t('List'),
    'Switch between the graph and the list view': vscode.l10n.t('Switch between the graph and the list view'),
    Mermaid: vscode.l10n.t('Mermaid'),
    'Copy as Mermaid': vscode.l10n.t('Copy as Mermaid'),
    'All drivers': vscode.l10n.t('All drivers'),
    'All networks': vscode.l10n.t('All networks'),
    'All projects': vscode.l10n.t('All projects'),
    '{0} on {1}': vscode.l10n.t('{0} on {1}'),
    ok: vscode.l10n.t('ok'),
    missing: vscode.l10n.t('missing'),
    undeclared: vscode.l10n.t('undeclared'),
    different: vscode.l10n.t('different'),
    network: vscode.l10n.t('network'),
    service: vscode.l10n.t('service'),
    'Plan: {0} (project {1})': vscode.l10n.t('Plan: {0} (project {1})'),
    'Docker network topology': vscode.l10n.t('Docker network topology'),
    'Back to all networks': vscode.l10n.t('Back to all networks'),
    'Back to all networks (Escape)': vscode.l10n.t('Back to all networks (Escape)'),
    'Where you are in the graph': vscode.l10n.t('Where you are in the graph'),
    'Show Containers': vscode.l10n.t('Show Containers'),
  };
}
