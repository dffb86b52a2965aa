import { ActionOutcome, DeclineReason, type EmbargoReason, RecallReason } from '@cwtch/contracts';
import { type Lang, pick, wordsOf } from '@cwtch/http';

/** The words of handover, outcomes and recall on the connector's pages, in English and Welsh. */
const WORDS = {
  respond: ['Respond to the sender', 'Ymateb i’r anfonwr'],
  accept: ['Accept: we take responsibility', 'Derbyn: rydym yn cymryd cyfrifoldeb'],
  decline: ['Decline', 'Gwrthod'],
  action: ['Record an outcome', 'Cofnodi canlyniad'],
  reason: ['Reason', 'Rheswm'],
  outcome: ['Outcome', 'Canlyniad'],
  note: ['Note for the sender (only they can read it)', 'Nodyn i’r anfonwr (dim ond nhw all ei ddarllen)'],
  responses: ['Responses', 'Ymatebion'],
  noResponses: ['No response yet.', 'Dim ymateb eto.'],
  accepted: ['accepted', 'derbyniwyd'],
  declined: ['declined', 'ni dderbyniwyd'],
  actioned: ['actioned', 'gweithredwyd'],
  recalled: ['recalled', 'galwyd yn ôl'],
  deleted: ['deleted (signed proof)', 'dilëwyd (prawf wedi’i lofnodi)'],
  by: ['by', 'gan'],
  recalledBySender: ['Recalled by the sender', 'Galwyd yn ôl gan yr anfonwr'],
  recalledHint: [
    'The sender recalled this notification: its details were destroyed here and a signed proof of deletion went back to the sender.',
    'Galwodd yr anfonwr yr hysbysiad hwn yn ôl: dinistriwyd ei fanylion yma ac aeth prawf dileu wedi’i lofnodi yn ôl at yr anfonwr.',
  ],
  recalledAfterAck: [
    'It had been acknowledged before the recall, by',
    'Roedd wedi’i gydnabod cyn ei alw’n ôl, gan',
  ],
  actOnWhatWasRead: [
    'If anyone acted on what they read, tell the sender and your manager.',
    'Os gweithredodd unrhyw un ar yr hyn a ddarllenodd, rhowch wybod i’r anfonwr a’ch rheolwr.',
  ],
  recall: ['Recall this notification', 'Galw’r hysbysiad hwn yn ôl'],
  recallHint: [
    'Every recipient destroys its copy and sends back a signed proof of deletion.',
    'Bydd pob derbynnydd yn dinistrio ei gopi ac yn anfon prawf dileu wedi’i lofnodi yn ôl.',
  ],
  takenOverBy: ['Taken over by', 'Cymerwyd drosodd gan'],
  handoverOpen: [
    'Not taken over yet: the handover is open.',
    'Heb ei gymryd drosodd eto: mae’r trosglwyddo ar agor.',
  ],
  sentNotifications: ['Sent notifications', 'Hysbysiadau a anfonwyd'],
  outboxNav: ['Outbox', 'Blwch anfon'],
  recipients: ['Recipients', 'Derbynwyr'],
  open: ['Open', 'Agor'],
  embargo: ['Subject access embargo', 'Embargo mynediad gwrthrych'],
  embargoHint: [
    'While telling the child or family could prejudice an investigation or put someone at risk, withhold this share from subject access reports until a review date. The report says only that some entries are withheld until then. Every recipient is told; the log keeps each change.',
    'Tra gallai dweud wrth y plentyn neu’r teulu niweidio ymchwiliad neu roi rhywun mewn perygl, ataliwch y rhannu hwn rhag adroddiadau mynediad gwrthrych tan ddyddiad adolygu. Dim ond bod rhai cofnodion wedi’u hatal tan hynny y mae’r adroddiad yn ei ddweud. Dywedir wrth bob derbynnydd; mae’r log yn cadw pob newid.',
  ],
  embargoedUntil: ['Withheld from subject access until', 'Wedi’i atal rhag mynediad gwrthrych tan'],
  owner: ['Owner (who is responsible)', 'Perchennog (pwy sy’n gyfrifol)'],
  ownedBy: ['owner', 'perchennog'],
  reviewBy: ['Review date', 'Dyddiad adolygu'],
  embargoButton: ['Withhold until the review date', 'Atal tan y dyddiad adolygu'],
  moveEmbargo: ['Change the embargo', 'Newid yr embargo'],
  liftEmbargo: ['Lift the embargo now', 'Codi’r embargo nawr'],
} as const satisfies Record<string, readonly [string, string]>;

/** One word of the statement pages. */
export type StatementWord = keyof typeof WORDS;

export const st: (lang: Lang, key: StatementWord) => string = wordsOf(WORDS);

/** Every reason code a statement may carry, labelled in both languages. */
const REASONS: Record<
  DeclineReason | ActionOutcome | RecallReason | EmbargoReason,
  readonly [string, string]
> = {
  NOT_OUR_AREA: ['Not our area', 'Nid ein hardal ni'],
  NOT_OUR_SERVICE: ['Not our service', 'Nid ein gwasanaeth ni'],
  ALREADY_KNOWN: ['Already known to us', 'Eisoes yn hysbys i ni'],
  INSUFFICIENT_INFORMATION: ['Not enough information', 'Dim digon o wybodaeth'],
  REFERRED_ELSEWHERE: ['Referred elsewhere', 'Atgyfeiriwyd i rywle arall'],
  CHILD_LOCATED: ['Child located', 'Daethpwyd o hyd i’r plentyn'],
  CHILD_SEEN: ['Child seen', 'Gwelwyd y plentyn'],
  STRATEGY_DISCUSSION: ['Strategy discussion held', 'Cynhaliwyd trafodaeth strategaeth'],
  ASSESSMENT_STARTED: ['Assessment started', 'Dechreuwyd asesiad'],
  SAFETY_PLAN_UPDATED: ['Safety plan updated', 'Diweddarwyd y cynllun diogelwch'],
  REFERRED_ON: ['Referred on', 'Atgyfeiriwyd ymlaen'],
  INFORMATION_RECORDED: ['Information recorded', 'Cofnodwyd y wybodaeth'],
  NO_FURTHER_ACTION: ['No further action', 'Dim camau pellach'],
  MISDIRECTED: ['Sent to the wrong agency', 'Anfonwyd i’r asiantaeth anghywir'],
  WRONG_CHILD: ['About the wrong child', 'Am y plentyn anghywir'],
  SENT_IN_ERROR: ['Sent in error', 'Anfonwyd trwy gamgymeriad'],
  SUPERSEDED: ['Superseded by a later notification', 'Disodlwyd gan hysbysiad diweddarach'],
  CRIMINAL_INVESTIGATION: ['Criminal investigation', 'Ymchwiliad troseddol'],
  CHILD_PROTECTION_ENQUIRY: ['Child protection enquiry', 'Ymholiad amddiffyn plant'],
  RISK_OF_SERIOUS_HARM: ['Risk of serious harm', 'Perygl o niwed difrifol'],
  LEGAL_PROCEEDINGS: ['Legal proceedings', 'Achos cyfreithiol'],
  OTHER: ['Other', 'Arall'],
};

/** A reason code's label (the code itself when unknown). */
export function reasonLabel(code: string, lang: Lang): string {
  const label = (REASONS as Record<string, readonly [string, string]>)[code];
  return label ? pick(label, lang) : code;
}

/** The codes of each list, in their order, for the pages' select boxes. */
export const REASON_CODES = {
  declined: DeclineReason.options,
  actioned: ActionOutcome.options,
  recalled: RecallReason.options,
} as const;
