/**
 * The host-facts module: reads this host's /proc and /sys for a local engine (plain Node fs, no `vscode`) and
 * falls back to exec in the container for socket tables. Its results feed the pure analyzers of src/diagnose/.
 */
export * from './locality';
export * from './socketGathering';
export * from './hostNetGathering';
export type { HostReadFailure } from './procFiles';
export * from './driverGathering';
export * from './pluginFiles';
