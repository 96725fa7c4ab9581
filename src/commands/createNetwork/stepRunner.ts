/**
 * Runs a multi-step flow with back navigation: each step returns the next step (or DONE); Back re-runs the
 * previous step, whose earlier answer stays in the shared state as the default.
 */
import { BACK, type Back } from '../prompter';

export const DONE = Symbol('done');
export type Step = () => Promise<Step | typeof DONE | Back | undefined>;

/** Resolves true when the flow completed, false when the user cancelled. */
export async function runSteps(first: Step): Promise<boolean> {
  const history: Step[] = [];
  let current: Step = first;
  for (;;) {
    const result = await current();
    if (result === undefined) return false;
    if (result === DONE) return true;
    if (result === BACK) {
      const previous = history.pop();
      if (!previous) return false;
      current = previous;
      continue;
    }
    history.push(current);
    current = result;
  }
}
