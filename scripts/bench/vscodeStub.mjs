// A stand-in for the `vscode` module, just enough for dist/extension.js to load and activate outside VS Code:
// real small classes for what the extension constructs or extends, settings answering their defaults, and a
// permissive proxy for everything else (any call returns something disposable).
import path from 'node:path';

function anything(name) {
  const cache = new Map();
  const target = function stub() {};
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then') return undefined; // not a promise: `await stub` must not hang
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'dispose') return () => undefined;
      if (prop === 'prototype') return target.prototype;
      if (!cache.has(prop)) cache.set(prop, anything(`${name}.${String(prop)}`));
      return cache.get(prop);
    },
    set(_t, prop, value) {
      cache.set(prop, value);
      return true;
    },
    apply: () => anything(`${name}()`),
    construct: () => anything(`new ${name}`),
  });
}

class Disposable {
  static from(...items) {
    return new Disposable(() => items.forEach((item) => item?.dispose?.()));
  }
  constructor(onDispose) {
    this.onDispose = onDispose;
  }
  dispose() {
    this.onDispose?.();
  }
}

class EventEmitter {
  listeners = new Set();
  event = (listener) => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(value) {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose() {
    this.listeners.clear();
  }
}

class Uri {
  constructor(scheme, fsPath) {
    this.scheme = scheme;
    this.fsPath = fsPath;
    this.path = fsPath;
  }
  static file(fsPath) {
    return new Uri('file', fsPath);
  }
  static parse(value) {
    return new Uri(value.split(':')[0], value);
  }
  static joinPath(base, ...parts) {
    return new Uri(base.scheme, path.join(base.fsPath, ...parts));
  }
  with() {
    return this;
  }
  toString() {
    return `${this.scheme}://${this.fsPath}`;
  }
}

class TreeItem {
  constructor(label, collapsibleState) {
    this.label = label;
    this.collapsibleState = collapsibleState;
  }
}

class ThemeIcon {
  constructor(id, color) {
    this.id = id;
    this.color = color;
  }
}

class ThemeColor {
  constructor(id) {
    this.id = id;
  }
}

class MarkdownString {
  constructor(value = '') {
    this.value = value;
  }
  appendMarkdown(text) {
    this.value += text;
    return this;
  }
  appendText(text) {
    this.value += text;
    return this;
  }
  appendCodeblock(code) {
    this.value += `\n\`\`\`\n${code}\n\`\`\`\n`;
    return this;
  }
}

const configuration = {
  get: (_key, fallback) => fallback,
  has: () => false,
  inspect: () => undefined,
  update: async () => undefined,
};

/** Namespaces and API names that have no real stand-in here: each one a permissive proxy. */
const PROXIED = [
  'window',
  'commands',
  'languages',
  'env',
  'extensions',
  'tasks',
  'debug',
  'scm',
  'tests',
  'authentication',
  'comments',
  'notebooks',
  'chat',
  'lm',
  'Range',
  'Position',
  'Selection',
  'Location',
  'Diagnostic',
  'CodeAction',
  'CodeActionKind',
  'WorkspaceEdit',
  'TextEdit',
  'CompletionItem',
  'CompletionItemKind',
  'CompletionList',
  'Hover',
  'SnippetString',
  'RelativePattern',
  'FileType',
  'DiagnosticSeverity',
  'DiagnosticTag',
  'ProgressLocation',
  'ViewColumn',
  'TreeItemCheckboxState',
  'QuickPickItemKind',
  'DocumentLink',
  'SymbolKind',
  'DocumentSymbol',
  'FileDecoration',
  'CancellationTokenSource',
  'TextEditorRevealType',
  'StatusBarItem',
  'UIKind',
  'LogLevel',
];

export function createVscodeStub() {
  // A plain object: bundlers copy the module's own property names (esbuild's __toESM), so every name must exist.
  const stub = {
    Disposable,
    EventEmitter,
    Uri,
    TreeItem,
    ThemeIcon,
    ThemeColor,
    MarkdownString,
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    l10n: { t: (message, ...args) => String(message).replace(/\{(\d+)\}/g, (_m, i) => String(args[Number(i)])) },
    workspace: new Proxy(
      { getConfiguration: () => configuration, onDidChangeConfiguration: () => new Disposable() },
      { get: (target, prop) => (prop in target ? target[prop] : anything(`workspace.${String(prop)}`)) },
    ),
  };
  for (const name of PROXIED) stub[name] = anything(name);
  return stub;
}

export function fakeExtensionContext(root) {
  const memento = { get: (_key, fallback) => fallback, update: async () => undefined, keys: () => [] };
  return {
    subscriptions: [],
    extensionPath: root,
    extensionUri: Uri.file(root),
    asAbsolutePath: (relative) => path.join(root, relative),
    globalState: { ...memento, setKeysForSync: () => undefined },
    workspaceState: memento,
    storageUri: undefined,
    globalStorageUri: Uri.file('/tmp/dne-bench-storage'),
    logUri: Uri.file('/tmp/dne-bench-log'),
    extensionMode: 1,
    secrets: anything('secrets'),
    environmentVariableCollection: anything('environmentVariableCollection'),
    extension: { id: 'docker-network-explorer.docker-network-explorer', extensionPath: root, packageJSON: {} },
  };
}
