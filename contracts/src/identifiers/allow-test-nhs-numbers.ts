/** Whether this process accepts NHS test-range numbers; set once at start-up from configuration. */
let allowed = false;

/**
 * Sets whether `NhsNumber` accepts numbers in the NHS test range (999…) in this process.
 * Off by default, so a live region refuses them; a connector turns it on only when its
 * configuration says the region is a demo (`CWTCH_ALLOW_TEST_NHS_NUMBERS=true`, which
 * `cwtch dev` sets), where the examples and demo children use test numbers.
 */
export function allowTestNhsNumbers(allow: boolean): void {
  allowed = allow;
}

/** True when this process accepts NHS test-range numbers (see {@link allowTestNhsNumbers}). */
export function testNhsNumbersAllowed(): boolean {
  return allowed;
}
