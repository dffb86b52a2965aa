import type { ExpectedFeed } from '@cwtch/directory';

/**
 * The demo region's expected feeds (DESIGN §6a): kinds an agency sends at a cadence, whose
 * absence the audit service reports to the operator. Barnardo's runs the return home interviews
 * for Western Bay and sends them on every week; Swansea's exploitation team adds children to
 * the CSE protocol at least every fortnight, ahead of each multi-agency meeting.
 */
export const DEMO_FEEDS: readonly ExpectedFeed[] = [
  { agency: 'barnardos-cymru', kind: 'return-home-interview', everyHours: 168 },
  { agency: 'swansea-cs', kind: 'cse-protocol-entry', everyHours: 336 },
];
