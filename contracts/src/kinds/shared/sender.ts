import { z } from 'zod';
import { OrgRef } from '../../identifiers/org-ref.ts';
import { ShortText } from './text.ts';

/**
 * Kinds of agency. The first eight match the signed directory's agency types
 * (`@cwtch/directory`), so a connector can pass the directory type straight to
 * `checkSenderRules`; the last three cover the reference's other senders.
 */
export const AgencyType = z.enum([
  'childrens-services',
  'police',
  'health-board',
  'voluntary',
  'childrens-home',
  'safeguarding-board',
  'youth-justice',
  'education',
  'nhs-trust',
  'regulator',
  'other',
]);
export type AgencyType = z.infer<typeof AgencyType>;

/** A person to contact about a share: role always, name and channels when the sender gives them. */
export const Contact = z.strictObject({
  role: ShortText,
  name: ShortText.optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9][0-9 ()-]{5,24}$/, 'must be a telephone number')
    .optional(),
  secureEmail: z.email({ message: 'must be an email address' }).max(254).optional(),
});
export type Contact = z.infer<typeof Contact>;

/** The sending agency as the payload states it: its type, organisation code and a contact. */
export const Sender = z.strictObject({
  agencyType: AgencyType,
  org: OrgRef,
  contact: Contact,
});
export type Sender = z.infer<typeof Sender>;
