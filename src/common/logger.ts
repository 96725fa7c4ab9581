/**
 * What every layer logs through. The composition root creates the one "Docker Networks" log output channel (a
 * vscode.LogOutputChannel fits this interface as it is) and passes it down; pure code and the CLI fall back to the
 * console. No `vscode` here, so the model, the engine and the compose rules may import it.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** For the CLI, plain-Node tests and code run before a channel exists. */
export const consoleLogger: Logger = {
  info: (message) => console.info(message),
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};
