/**
 * How many cases a property test of the unit suite tries, and with which seed. A normal unit run keeps its full
 * count (a new seed each local run, a fixed one under CI so a red build is reproducible). A mutation run
 * (stryker.config.mjs sets DNE_MUTATION_RUN) repeats each property for every mutant it covers: there a quarter of
 * the cases, from a fixed seed, so a mutant is killed or survives the same way on every run.
 */
import process from 'node:process';

/** The seed for CI and mutation runs; chosen once, any value works. */
const FIXED_SEED = 1313;

/** True in a mutation run (set by stryker.config.mjs before the tests load). */
export const inMutationRun = (): boolean => Boolean(process.env.DNE_MUTATION_RUN);

/** fast-check parameters for a property the normal unit run tries `numRuns` times. */
export function propertyBudget(numRuns: number): { numRuns: number; seed: number | undefined } {
  const mutation = inMutationRun();
  return {
    numRuns: mutation ? Math.max(1, Math.ceil(numRuns / 4)) : numRuns,
    seed: mutation || process.env.CI ? FIXED_SEED : undefined,
  };
}
