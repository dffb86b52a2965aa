/** A receipt body that meets its contract, signed for `actor` (for tests). */
export const receiptBody = (actor: string) => ({
  v: 1,
  typ: 'cwtch.receipt.v1',
  id: 'A'.repeat(22),
  status: 'acknowledged',
  by: { agency: 'swansea-cs', kid: 'k'.repeat(43) },
  to: 'hillside',
  at: 1_700_000_000_000,
  hh: 'h'.repeat(43),
  b: 'b'.repeat(43),
  actor,
  reason: null,
});
