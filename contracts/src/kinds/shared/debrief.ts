import { z } from 'zod';
import { codes, l } from './label-groups.ts';

/** What the interview after a missing episode is called where it is held: a "debrief" in Wales (reference §4.6). */
export const InterviewTerminology = z.enum(['return_home_interview', 'debrief', 'return_discussion']);
export type InterviewTerminology = z.infer<typeof InterviewTerminology>;

/** The label of the interview's name, and of each name, in English and Welsh. */
export const TERMINOLOGY_LABEL = l(
  'Called',
  'Enw',
  codes(InterviewTerminology, {
    return_home_interview: ['Return home interview', 'Cyfweliad dychwelyd adref'],
    debrief: ['Debrief', 'Ôl-drafodaeth'],
    return_discussion: ['Return discussion', 'Sgwrs dychwelyd'],
  }),
);
