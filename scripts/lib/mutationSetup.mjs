// Loaded by mocha only in mutation runs (stryker.config.mjs): a property that fails stops at its first
// counterexample instead of shrinking it; a mutant needs a failing test, not a minimal counterexample.
// fast-check is loaded through require, so this configures the same (CommonJS) instance the tests get via tsx/cjs.
import { createRequire } from 'node:module';

const fc = createRequire(import.meta.url)('fast-check');
fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });
