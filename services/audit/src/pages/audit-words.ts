import { type KindName, kinds } from '@cwtch/contracts';
import { type Lang, wordsOf } from '@cwtch/http';

/** An agency of the signed directory, as the console names it. */
export interface AuditAgency {
  readonly id: string;
  readonly name: string;
  readonly nameCy?: string | undefined;
}

/** The words of the auditor console's pages in English and Welsh. */
const WORDS = {
  shareLog: ['Share log', 'Log rhannu'],
  searchLabel: ['Search the share log', 'Chwilio’r log rhannu'],
  subject: ['NHS number or subject reference', 'Rhif GIG neu gyfeirnod y gwrthrych'],
  agency: ['Agency', 'Asiantaeth'],
  kind: ['Kind', 'Math'],
  since: ['From (date)', 'O (dyddiad)'],
  until: ['To (date)', 'I (dyddiad)'],
  status: ['Status', 'Statws'],
  any: ['Any', 'Unrhyw'],
  search: ['Search', 'Chwilio'],
  searchHint: [
    "Searching by NHS number sends it in the form body, never in the address: the service keys it into the region's pseudonymous subject reference and keeps nothing.",
    'Mae chwilio yn ôl rhif GIG yn ei anfon yng nghorff y ffurflen, byth yn y cyfeiriad: mae’r gwasanaeth yn ei droi’n gyfeirnod ffugenwol y rhanbarth ar gyfer y gwrthrych ac yn cadw dim.',
  ],
  badSearch: [
    'Check the search fields: one of them is not valid.',
    'Gwiriwch y meysydd chwilio: nid yw un ohonynt yn ddilys.',
  ],
  shares: ['Shares', 'Rhannu'],
  newest: ['The 25 newest shares', 'Y 25 rhannu mwyaf diweddar'],
  found: ['found', 'wedi’u canfod'],
  share: ['share', 'rhannu'],
  sharesWord: ['shares', 'rhannu'],
  noMatch: ['No shares match.', 'Nid oes rhannu’n cyfateb.'],
  loggedCol: ['Logged', 'Cofnodwyd'],
  from: ['From', 'Oddi wrth'],
  to: ['To', 'At'],
  recipients: ['Recipients and status', 'Derbynwyr a statws'],
  priority: ['Priority', 'Blaenoriaeth'],
  shareCol: ['Share', 'Rhannu'],
  timelineLink: ['Timeline', 'Llinell amser'],
  ofShare: ['of share', 'y rhannu'],
  purpose: ['Purpose', 'Diben'],
  agreement: ['Sharing agreement', 'Cytundeb rhannu'],
  basis: ['Lawful basis', 'Sail gyfreithlon'],
  respondBy: ['Respond by', 'Ymateb erbyn'],
  reference: ['Subject reference', 'Cyfeirnod y gwrthrych'],
  bodyHash: ['Body hash', 'Stwnsh y corff'],
  recipientKeys: ['Recipient keys', 'Allweddi’r derbynwyr'],
  shareHeading: ['Share', 'Rhannu'],
  metadataOnly: [
    'The share log holds routing metadata, hashes and signatures only: the payload is readable by its recipients alone.',
    'Mae’r log rhannu yn dal metadata llwybro, stwnshis a llofnodion yn unig: dim ond ei dderbynwyr all ddarllen y cynnwys.',
  ],
  timeline: ['Timeline', 'Llinell amser'],
  logEntry: ['log entry', 'cofnod yn y log'],
  checkpoint: ['Checkpoint', 'Pwynt gwirio'],
  latestCheckpoint: ['Latest checkpoint', 'Pwynt gwirio diweddaraf'],
  logEmpty: ['The log is empty: nothing signed yet.', 'Mae’r log yn wag: dim wedi’i lofnodi eto.'],
  log: ['Log', 'Log'],
  treeSize: ['Tree size', 'Maint y goeden'],
  rootHash: ['Root hash', 'Stwnsh gwraidd'],
  signed: ['Signed', 'Llofnodwyd'],
  cosignatures: ['Cosignatures', 'Cydlofnodion'],
  noneYet: ['none yet', 'dim eto'],
  newestWithQuorum: ['Newest with quorum', 'Diweddaraf gyda chworwm'],
  size: ['size', 'maint'],
  cosignaturesWord: ['cosignatures', 'cydlofnod'],
  verify: ['Verify signatures', 'Gwirio llofnodion'],
  verifyHint: [
    "Checks the log's signature and each witness cosignature here, against the keys this service pins.",
    'Yn gwirio llofnod y log a chydlofnod pob tyst yma, yn erbyn yr allweddi y mae’r gwasanaeth hwn yn eu pinio.',
  ],
  download: ['Download the evidence bundle', 'Lawrlwytho’r bwndel tystiolaeth'],
  downloadHint1: [
    'every entry up to the newest checkpoint with',
    'pob cofnod hyd at y pwynt gwirio diweddaraf gyda',
  ],
  downloadHint2: ['cosignatures; check it offline with', 'chydlofnod; gwiriwch ef all-lein gyda'],
  signatures: ['Signatures', 'Llofnodion'],
  collection: ['Collection and expected feeds', 'Casglu a ffrydiau disgwyliedig'],
  allCollecting: ['Every agency is collecting its inbox.', 'Mae pob asiantaeth yn casglu ei mewnflwch.'],
  notCollecting: ['Agencies not collecting their inbox', 'Asiantaethau nad ydynt yn casglu eu mewnflwch'],
  notCollectingFor: ['Not collecting for', 'Heb gasglu ers'],
  waiting: ['Messages waiting', 'Negeseuon yn aros'],
  noLateFeed: ['No expected feed is late.', 'Nid oes ffrwd ddisgwyliedig yn hwyr.'],
  lateFeeds: ['Expected feeds that have not arrived', 'Ffrydiau disgwyliedig nad ydynt wedi cyrraedd'],
  expectedEvery: ['Expected every', 'Disgwylir bob'],
  lastArrived: ['Last arrived', 'Cyrhaeddodd ddiwethaf'],
  never: ['never', 'byth'],
  by: ['by', 'gan'],
  // Recipient states, timeline events and status filters (data-* attributes keep the codes).
  sent: ['sent', 'anfonwyd'],
  logged: ['logged', 'cofnodwyd'],
  delivered: ['delivered', 'danfonwyd'],
  acknowledged: ['acknowledged', 'cydnabuwyd'],
  rejected: ['rejected', 'gwrthodwyd'],
  accepted: ['accepted', 'derbyniwyd'],
  declined: ['declined', 'ni dderbyniwyd'],
  actioned: ['actioned', 'gweithredwyd'],
  escalated: ['escalated', 'uwchgyfeiriwyd'],
  recalled: ['recalled', 'galwyd yn ôl'],
  deleted: ['deleted', 'dilëwyd'],
  embargoed: ['embargoed', 'ataliwyd'],
  overdue: ['overdue', 'yn hwyr'],
  unacknowledged: ['unacknowledged', 'heb ei gydnabod'],
  routine: ['routine', 'arferol'],
  high: ['high', 'uchel'],
  urgent: ['urgent', 'brys'],
} as const satisfies Record<string, readonly [string, string]>;

/** A word key of the console's pages. */
export type AuditWord = keyof typeof WORDS;

/** The word `key` in `lang`. */
export const aw: (lang: Lang, key: AuditWord) => string = wordsOf(WORDS);

/** A state, event, status or priority code in words; the code itself when it has none. */
export function codeWord(code: string, lang: Lang): string {
  return Object.hasOwn(WORDS, code) ? aw(lang, code as AuditWord) : code;
}

/** A kind as the console shows it: its code in English (as the log writes it), its title in Welsh. */
export function kindLabel(kind: string, lang: Lang): string {
  return lang === 'cy' && Object.hasOwn(kinds, kind) ? kinds[kind as KindName].title.cy : kind;
}

/**
 * A function naming agencies as the console shows them: the id in English (as the log writes
 * it), the directory's Welsh name in Welsh where it has one.
 */
export function agencyLabels(agencies: readonly AuditAgency[], lang: Lang): (id: string) => string {
  if (lang !== 'cy') return (id) => id;
  const names = new Map(agencies.map((a) => [a.id, a.nameCy]));
  return (id) => names.get(id) ?? id;
}
