/**
 * Socket tables: the /proc/net parser, namespace sharing, and observed activity (listening sockets, connections).
 * Pure analyzers: no `vscode`, no engine, no fs.
 */
export * from './procNetParser';
export * from './namespaces';
export * from './observedConnections';
