/**
 * Every `dockerNetworks.*` command id, once. The command table's entries are typed by this list, and a unit test
 * (test/unit/commands/commandIds.test.ts) checks it against package.json: every contributed command has a handler,
 * every handler is contributed, every menu entry names a known command. Adding a command: one line here, its
 * entry in the table (src/commands/index.ts), its contribution in package.json (+ title in package.nls.json).
 */
export const COMMAND_IDS = [
  'dockerNetworks.refresh',
  'dockerNetworks.retryConnection',
  'dockerNetworks.openHostSetting',
  'dockerNetworks.switchEngine',
  'dockerNetworks.createNetwork',
  'dockerNetworks.removeNetwork',
  'dockerNetworks.pruneNetworks',
  'dockerNetworks.inspectNetwork',
  'dockerNetworks.refreshInspectDocument',
  'dockerNetworks.connectContainer',
  'dockerNetworks.connectToNetwork',
  'dockerNetworks.disconnectContainer',
  'dockerNetworks.copyName',
  'dockerNetworks.copyId',
  'dockerNetworks.copySubnet',
  'dockerNetworks.copyIpAddress',
  'dockerNetworks.showTopology',
  'dockerNetworks.exportTopology',
  'dockerNetworks.copyTopologyMermaid',
  'dockerNetworks.openSampleComposeFile',
  'dockerNetworks.reviewSecurity',
  'dockerNetworks.checkConnectivity',
  'dockerNetworks.showNetworkDrivers',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
