// The one machine-readable line every launcher prints last; scripts/test.sh sums these lines.
export function printSummary(suite, passed, failed, pending = 0) {
  console.log(`\nDNE-SUMMARY suite=${suite} passed=${passed} failed=${failed} pending=${pending}`);
}
