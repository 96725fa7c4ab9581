/**
 * Runs a wizard declared as an ordered list of step objects over one state. The list is recomputed from the state
 * after every answer (an answer may add or drop later steps: no subnet, no gateway step), so steps are declared in
 * the order a user meets them. Back returns to the step answered before, whose earlier answer stays in the state as
 * the default; the position shown (step n of m) follows the list.
 */
import { BACK, type Answer, type Back, type StepPosition } from '../prompter';

/** One question of a wizard: asks it, and on an answer applies it to the state. */
export interface WizardStep<S> {
  readonly id: string;
  /** 'answered' once the answer is in the state; BACK; undefined when the user cancelled. */
  run(state: S, position: StepPosition): Promise<'answered' | Back | undefined>;
}

/** A step from its question and how its answer changes the state (the answer's type stays inside). */
export function wizardStep<S, T>(
  id: string,
  ask: (state: S, position: StepPosition) => Promise<Answer<T>>,
  apply: (state: S, value: T) => void,
): WizardStep<S> {
  return {
    id,
    async run(state, position) {
      const answer = await ask(state, position);
      if (answer === undefined) return undefined;
      if (answer === BACK) return BACK;
      apply(state, answer as T);
      return 'answered';
    },
  };
}

/** Resolves true when the user answered the last step, false when they cancelled (or went back from the first). */
export async function runWizard<S>(
  state: S,
  title: string,
  stepsFor: (state: S) => readonly WizardStep<S>[],
): Promise<boolean> {
  const answered: string[] = [];
  let currentId: string | undefined = stepsFor(state)[0]?.id;
  while (currentId !== undefined) {
    const steps = stepsFor(state);
    const step = steps.find((s) => s.id === currentId);
    if (!step) throw new Error(`The wizard has no step "${currentId}" any more.`);
    const depth = answered.length;
    const position = {
      id: step.id,
      title,
      step: depth + 1,
      totalSteps: Math.max(steps.length, depth + 1),
      canGoBack: depth > 0,
    };
    const result = await step.run(state, position);
    if (result === undefined) return false;
    if (result === BACK) {
      currentId = answered.pop();
      if (currentId === undefined) return false;
      continue;
    }
    answered.push(step.id);
    const after = stepsFor(state);
    currentId = after[after.findIndex((s) => s.id === step.id) + 1]?.id;
  }
  return true;
}
