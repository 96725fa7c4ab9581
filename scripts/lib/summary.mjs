// Result lines shared by the launchers and scripts/test.sh.

/** The one machine-readable line every launcher prints last; scripts/test.sh sums these lines. */
export function printSummary(suite, passed, failed, pending = 0) {
  console.log(`\nDNE-SUMMARY suite=${suite} passed=${passed} failed=${failed} pending=${pending}`);
}

/**
 * Counts from mocha's spec/dot summary ("  12 passing (3s)", "  2 failing", "  1 pending"); the last summary
 * in the text wins. Returns undefined when there is none (mocha crashed before reporting).
 */
export function parseMochaSummary(text) {
  const last = (re) => {
    const all = [...text.matchAll(re)];
    return all.length ? Number(all[all.length - 1][1]) : undefined;
  };
  const passed = last(/^\s*(\d+) passing\b/gm);
  const failed = last(/^\s*(\d+) failing\b/gm);
  const pending = last(/^\s*(\d+) pending\b/gm);
  if (passed === undefined && failed === undefined) return undefined;
  return { passed: passed ?? 0, failed: failed ?? 0, pending: pending ?? 0 };
}
