/**
 * The one failure formatter: what a caught value says, for messages and logs. No `vscode`, no engine import (an
 * EngineError is recognised by its `problem`), so every layer may use it.
 */

/** The thrown value's own message: an Error's message, else the value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The classified sentence of an EngineError (what happened, why, what to do), else the error's own message. */
export function describeFailure(error: unknown): string {
  const problem = (error as { problem?: { message?: unknown } } | undefined)?.problem;
  if (problem && typeof problem.message === 'string') return problem.message;
  return errorMessage(error);
}
