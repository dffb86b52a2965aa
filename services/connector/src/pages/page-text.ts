import { type KindName, kinds, valueLabelFor } from '@cwtch/contracts';
import { type Lang, wordsOf } from '@cwtch/http';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/** The words of the connector's pages in English and Welsh. */
const WORDS = {
  inbox: ['Inbox', 'Mewnflwch'],
  newestFirst: ['Notifications, newest first', 'Hysbysiadau, y mwyaf diweddar yn gyntaf'],
  compose: ['Send a notification', 'Anfon hysbysiad'],
  overdue: ['Overdue', 'Yn hwyr'],
  kind: ['Kind', 'Math'],
  from: ['From', 'Oddi wrth'],
  to: ['To', 'At'],
  child: ['Child', 'Plentyn'],
  received: ['Received', 'Derbyniwyd'],
  respondBy: ['Respond by', 'Ymateb erbyn'],
  status: ['Status', 'Statws'],
  priority: ['Priority', 'Blaenoriaeth'],
  any: ['Any', 'Unrhyw'],
  filter: ['Filter', 'Hidlo'],
  filters: ['Filters', 'Hidlyddion'],
  new: ['new', 'newydd'],
  acknowledged: ['acknowledged', 'cydnabuwyd'],
  delivered: ['delivered', 'danfonwyd'],
  sent: ['sent', 'anfonwyd'],
  rejected: ['rejected', 'gwrthodwyd'],
  routine: ['routine', 'arferol'],
  high: ['high', 'uchel'],
  urgent: ['urgent', 'brys'],
  acknowledge: ['Acknowledge', 'Cydnabod'],
  acknowledgedBy: ['Acknowledged by', 'Cydnabuwyd gan'],
  notYetAcknowledged: ['Not yet acknowledged.', 'Heb ei gydnabod eto.'],
  overdueBy: ['overdue by', 'yn hwyr o'],
  in: ['in', 'mewn'],
  none: ['Nothing here.', 'Dim byd yma.'],
  otherShares: [
    'Other shares about this child in this inbox',
    'Hysbysiadau eraill am y plentyn hwn yn y mewnflwch hwn',
  ],
  noOtherShares: ['No other shares about this child.', 'Dim hysbysiadau eraill am y plentyn hwn.'],
  details: ['Details', 'Manylion'],
  purpose: ['Purpose', 'Diben'],
  agreement: ['Sharing agreement', 'Cytundeb rhannu'],
  yes: ['Yes', 'Ie'],
  no: ['No', 'Na'],
  sound: ['Sound for high priority', 'Sain ar gyfer blaenoriaeth uchel'],
  liveHint: [
    'New notifications appear here as they arrive.',
    'Mae hysbysiadau newydd yn ymddangos yma wrth iddynt gyrraedd.',
  ],
  overdueHint: [
    'Notifications whose respond-by time has passed without an acknowledgement.',
    'Hysbysiadau y mae eu hamser ymateb wedi mynd heibio heb gydnabyddiaeth.',
  ],
  outbox: ['Sent notification', 'Hysbysiad a anfonwyd'],
  recipient: ['Recipient', 'Derbynnydd'],
  deliveredAt: ['Delivered', 'Danfonwyd'],
  acknowledgedAt: ['Acknowledged', 'Cydnabuwyd'],
  created: ['Sent', 'Anfonwyd'],
  whatToDo: ['What you need to do', 'Beth sydd angen i chi ei wneud'],
  whoWasTold: ['Who was told', 'Pwy a hysbyswyd'],
  actionsAsked: ['Actions asked', 'Camau y gofynnwyd amdanynt'],
  you: ['you', 'chi'],
  noActionsAsked: [
    'No actions are listed: read the details and acknowledge.',
    "Does dim camau wedi'u rhestru: darllenwch y manylion a'u cydnabod.",
  ],
} as const satisfies Record<string, readonly [string, string]>;

/** A word key of the connector's pages. */
export type Word = keyof typeof WORDS;

/** The word `key` in `lang`. */
export const t: (lang: Lang, key: Word) => string = wordsOf(WORDS);

const LANG_COOKIE = 'cwtch_lang';

/**
 * The page language: `?lang=` (then remembered in a cookie), else the cookie, else English.
 * The query holds only the language, never child data.
 */
export function langOf(c: Context): Lang {
  const asked = c.req.query('lang');
  if (asked === 'en' || asked === 'cy') {
    setCookie(c, LANG_COOKIE, asked, { path: '/', sameSite: 'Strict', httpOnly: true, maxAge: 31_536_000 });
    return asked;
  }
  return getCookie(c, LANG_COOKIE) === 'cy' ? 'cy' : 'en';
}

/** The kind name if this connector knows it. */
export function knownKind(kind: string): KindName | undefined {
  return Object.hasOwn(kinds, kind) ? (kind as KindName) : undefined;
}

/** A kind's title in `lang` (the kind name itself if unknown). */
export function kindTitle(kind: string, lang: Lang): string {
  const known = knownKind(kind);
  return known ? kinds[known].title[lang] : kind;
}

/** The one-line summary of a payload that its kind gives for inbox rows ('' if none). */
export function kindSummary(kind: string, payload: unknown, lang: Lang): string {
  const known = knownKind(kind);
  return known ? kinds[known].summary(payload, lang) : '';
}

/** The label of a share's purpose in `lang` (the code itself if unknown). */
export function purposeText(kind: string, purpose: string, lang: Lang): string {
  return valueLabelFor(knownKind(kind), ['purpose'], purpose)?.[lang] ?? purpose;
}

const formats = new Map<Lang, Intl.DateTimeFormat>();

/** A time as people in Wales read it (Europe/London), in `lang`. */
export function formatTime(ms: number, lang: Lang): string {
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/London',
    });
    formats.set(lang, f);
  }
  return f.format(ms);
}

const dates = new Map<Lang, Intl.DateTimeFormat>();

/** A calendar date (`2025-03-09`) as the same medium en-GB or cy-GB style as times: "9 Mar 2025". */
export function formatDate(date: string, lang: Lang): string {
  let f = dates.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'cy' ? 'cy-GB' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
    dates.set(lang, f);
  }
  return f.format(Date.parse(`${date}T00:00:00Z`));
}

/** "in 2 h 5 min" or "overdue by 12 min" (the page script keeps it current). */
export function countdown(deadline: number, now: number, lang: Lang): { text: string; overdue: boolean } {
  const left = deadline - now;
  const minutes = Math.round(Math.abs(left) / 60_000);
  const span =
    minutes >= 2880
      ? `${Math.round(minutes / 1440)} d`
      : minutes >= 60
        ? `${Math.floor(minutes / 60)} h ${minutes % 60} min`
        : `${minutes} min`;
  return left < 0
    ? { text: `${t(lang, 'overdueBy')} ${span}`, overdue: true }
    : { text: `${t(lang, 'in')} ${span}`, overdue: false };
}
