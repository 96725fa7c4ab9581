/**
 * The engine layer's entry point. Everything here loads cheaply; dockerode (in dockerEngine.ts) is loaded only
 * through loadEngine(), so activation does not pay for it.
 */
export type * from './api';
export type * from './records';
export {
  EngineError,
  MIN_API_VERSION,
  checkApiVersion,
  compareApiVersions,
  toEngineError,
  toEngineProblem,
  type ProblemContext,
} from './errors';
export { DEFAULT_NAMED_PIPE, DEFAULT_UNIX_SOCKET, parseHost, platformDefault, resolveEndpoint } from './endpoint';
export type { EndpointFs, ResolveEndpointInput } from './endpoint';
export { nodeEndpointFs, resolveProcessEndpoint } from './processEndpoint';

/** Loads the dockerode-backed client on first use: `(await loadEngine()).createEngine(endpoint)`. */
export function loadEngine(): Promise<typeof import('./dockerEngine')> {
  return import('./dockerEngine');
}
