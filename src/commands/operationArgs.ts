/**
 * Pure helpers of the command handlers (no `vscode`, so plain-Node unit tests cover them): which nodes a command
 * was given, and how a failure is worded.
 */
import { errorMessage } from '../common/failure';
import type { EngineProblem } from '../engine/api';

/**
 * The nodes a command acts on. From a tree menu VS Code passes (clickedNode, selectedNodes); the selection wins
 * when it holds the clicked node (multi-select), otherwise the clicked node alone.
 */
export function nodesFrom<T>(args: readonly unknown[], guard: (n: unknown) => n is T): T[] {
  const [clicked, selected] = args;
  if (Array.isArray(selected) && selected.length > 0 && (clicked === undefined || selected.includes(clicked))) {
    return selected.filter(guard);
  }
  if (Array.isArray(clicked)) return clicked.filter(guard);
  return guard(clicked) ? [clicked] : [];
}

export function problemOf(error: unknown): EngineProblem | undefined {
  const problem = (error as { problem?: unknown } | undefined)?.problem;
  if (typeof problem === 'object' && problem !== null && typeof (problem as EngineProblem).message === 'string') {
    return problem as EngineProblem;
  }
  return undefined;
}

/** Problems the engine answered about the request itself: the operation knows best what to do about them. */
const REQUEST_PROBLEMS = new Set(['notFound', 'conflict', 'forbidden', 'badRequest']);

/**
 * Why it failed and what to do. For refusals of the request (not found, conflict, forbidden, bad request) the
 * engine's own words plus the operation's advice, which fits better than a generic hint; for everything else
 * (unreachable, permissions, timeouts, API version) the classified sentence, which names the endpoint and remedy.
 */
export function reasonOf(error: unknown, advice?: string): string {
  const problem = problemOf(error);
  if (problem) {
    if (advice && problem.engineMessage && REQUEST_PROBLEMS.has(problem.kind)) {
      return `${problem.engineMessage.replace(/[.\s]+$/, '')}. ${advice}`;
    }
    return problem.message;
  }
  const text = errorMessage(error);
  return advice ? `${text.replace(/[.\s]+$/, '')}. ${advice}` : text;
}
