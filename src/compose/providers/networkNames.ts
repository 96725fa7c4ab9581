/**
 * Language features for network names: completion, go to definition, find references, rename, hover.
 * They read the symbol index of the document's latest lint (made in the worker), linting first if needed.
 */
import * as vscode from 'vscode';
import type { Range } from '../model/types';
import type { NetworkDeclaration, SymbolIndex } from '../symbolIndex';
import type { EngineView } from '../rules/types';
import type { ComposeDiagnostics } from './diagnostics';

const NETWORK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

function contains(r: Range, offset: number): boolean {
  return offset >= r[0] && offset <= r[1];
}

function toRange(doc: vscode.TextDocument, r: Range): vscode.Range {
  return new vscode.Range(doc.positionAt(r[0]), doc.positionAt(r[1]));
}

/** The network name under the cursor, as a declaration or a reference. */
function nameAt(index: SymbolIndex, offset: number): { name: string; range: Range } | undefined {
  const d = index.declarations.find((x) => contains(x.nameRange, offset));
  if (d) return { name: d.name, range: d.nameRange };
  const r = index.references.find((x) => contains(x.nameRange, offset));
  return r && { name: r.name, range: r.nameRange };
}

function occurrences(index: SymbolIndex, name: string, withDeclaration: boolean): Range[] {
  const refs = index.references.filter((r) => r.name === name).map((r) => r.nameRange);
  const decls = withDeclaration ? index.declarations.filter((d) => d.name === name).map((d) => d.nameRange) : [];
  return [...decls, ...refs];
}

export class NetworkNameFeatures
  implements
    vscode.CompletionItemProvider,
    vscode.DefinitionProvider,
    vscode.ReferenceProvider,
    vscode.RenameProvider,
    vscode.HoverProvider
{
  constructor(
    private readonly diagnostics: ComposeDiagnostics,
    private readonly engineView: () => EngineView | undefined,
  ) {}

  private async index(doc: vscode.TextDocument): Promise<SymbolIndex | undefined> {
    return (await this.diagnostics.ensureLinted(doc))?.index;
  }

  async provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const index = await this.index(doc);
    if (!index) return [];
    const offset = doc.offsetAt(position);
    const line = doc.lineAt(position.line).text.slice(0, position.character);
    if (
      index.serviceNetworkBlocks.some((r) => contains(r, offset)) ||
      (/^\s*networks:\s*\[?[^\]]*$/.test(line) && /^\s{2,}networks:/.test(line))
    ) {
      return index.declarations.map((d) => {
        const item = new vscode.CompletionItem(d.name, vscode.CompletionItemKind.Reference);
        item.detail = d.external ? vscode.l10n.t('external network') : vscode.l10n.t('declared network');
        return item;
      });
    }
    const engine = this.engineView();
    if (engine && index.networksBlock && contains(index.networksBlock, offset)) {
      return engine.networks.map((n) => {
        const item = new vscode.CompletionItem(n.name, vscode.CompletionItemKind.Value);
        item.detail = vscode.l10n.t('existing {0} network on the engine', n.driver);
        item.documentation = n.ipam
          .map((c) => c.subnet)
          .filter(Boolean)
          .join(', ');
        return item;
      });
    }
    return [];
  }

  async provideDefinition(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    const index = await this.index(doc);
    const at = index && nameAt(index, doc.offsetAt(position));
    const decl = at && index.declarations.find((d) => d.name === at.name);
    return decl && new vscode.Location(doc.uri, toRange(doc, decl.nameRange));
  }

  async provideReferences(
    doc: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.ReferenceContext,
  ): Promise<vscode.Location[]> {
    const index = await this.index(doc);
    const at = index && nameAt(index, doc.offsetAt(position));
    if (!at) return [];
    return occurrences(index, at.name, context.includeDeclaration).map(
      (r) => new vscode.Location(doc.uri, toRange(doc, r)),
    );
  }

  async prepareRename(
    doc: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.Range | { range: vscode.Range; placeholder: string }> {
    const index = await this.index(doc);
    const at = index && nameAt(index, doc.offsetAt(position));
    if (!at)
      throw new Error(
        vscode.l10n.t('Rename works on network names in compose files: put the cursor on a network name.'),
      );
    return { range: toRange(doc, at.range), placeholder: at.name };
  }

  async provideRenameEdits(
    doc: vscode.TextDocument,
    position: vscode.Position,
    newName: string,
  ): Promise<vscode.WorkspaceEdit | undefined> {
    const index = await this.index(doc);
    const at = index && nameAt(index, doc.offsetAt(position));
    if (!at) return undefined;
    if (!NETWORK_NAME.test(newName)) {
      throw new Error(
        vscode.l10n.t(
          '"{0}" is not a valid network name: use letters, digits, "_", "." or "-", starting with a letter or digit.',
          newName,
        ),
      );
    }
    const edit = new vscode.WorkspaceEdit();
    for (const r of occurrences(index, at.name, true)) edit.replace(doc.uri, toRange(doc, r), newName);
    return edit;
  }

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const index = await this.index(doc);
    const at = index && nameAt(index, doc.offsetAt(position));
    if (!at) return undefined;
    const decl = index.declarations.find((d) => d.name === at.name);
    const md = new vscode.MarkdownString();
    if (decl) {
      const source = doc.getText(toRange(doc, decl.declRange)).split('\n').slice(0, 12).join('\n');
      md.appendCodeblock(source, 'yaml');
    } else if (at.name !== 'default') {
      md.appendText(vscode.l10n.t('Network "{0}" is not declared in this file.', at.name));
    }
    this.appendEngine(md, decl, at.name);
    return md.value ? new vscode.Hover(md, toRange(doc, at.range)) : undefined;
  }

  /** Live facts when the network exists on the engine. Engine strings go through appendText (escaped). */
  private appendEngine(md: vscode.MarkdownString, decl: NetworkDeclaration | undefined, name: string): void {
    const engine = this.engineView();
    const engineName = decl?.engineName ?? name;
    const net = engine?.networks.find((n) => n.name === engineName);
    if (!engine || !net) return;
    md.appendMarkdown('\n\n---\n\n');
    md.appendText(vscode.l10n.t('On the engine: {0} ({1}, {2})', net.name, net.driver, net.scope));
    const subnets = net.ipam.map((c) => c.subnet).filter((s): s is string => !!s);
    if (subnets.length) md.appendText('\n' + vscode.l10n.t('Subnets: {0}', subnets.join(', ')));
    const endpoints = engine.endpointsByNetwork.get(net.id) ?? [];
    md.appendText('\n' + vscode.l10n.t('{0} endpoint(s)', endpoints.length));
    for (const e of endpoints.slice(0, 10))
      md.appendText(`\n• ${e.containerName} ${e.ipv4 ?? ''} ${e.ipv6 ?? ''}`.trimEnd());
  }
}
