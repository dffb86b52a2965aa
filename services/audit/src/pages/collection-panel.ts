import { html, type Lang, type SafeHtml } from '@cwtch/http';
import type { CollectionWatch } from '../collection-watch.ts';
import type { FeedWatch } from '../feed-watch.ts';
import { when } from './audit-page.ts';
import { type AuditWord, aw, kindLabel } from './audit-words.ts';

/** Agencies not collecting their inbox and expected feeds not arriving (DESIGN §6a, silence). */
export interface SilenceWatch {
  readonly collection: CollectionWatch;
  readonly feeds: FeedWatch;
}

/** Units of time, singular and plural, in English and Welsh (Welsh keeps the singular after a number). */
const UNITS = {
  second: [
    ['second', 'seconds'],
    ['eiliad', 'eiliad'],
  ],
  minute: [
    ['minute', 'minutes'],
    ['munud', 'munud'],
  ],
  hour: [
    ['hour', 'hours'],
    ['awr', 'awr'],
  ],
  day: [
    ['day', 'days'],
    ['diwrnod', 'diwrnod'],
  ],
} as const;

/** A length of time in words, to the unit that reads best, in `lang`. */
export function forHowLong(ms: number, lang: Lang = 'en'): string {
  const unit = (n: number, u: keyof typeof UNITS) =>
    `${n} ${UNITS[u][lang === 'cy' ? 1 : 0][n === 1 ? 0 : 1]}`;
  const s = Math.floor(ms / 1000);
  if (s < 120) return unit(s, 'second');
  if (s < 7200) return unit(Math.floor(s / 60), 'minute');
  if (s < 172_800) return unit(Math.floor(s / 3600), 'hour');
  return unit(Math.floor(s / 86_400), 'day');
}

/**
 * The auditor console's view of silence, in `lang`: who has stopped collecting, which feeds are
 * late. `name` shows an agency id (see `agencyLabels`).
 */
export function collectionPanel(
  watch: SilenceWatch,
  now = Date.now(),
  lang: Lang = 'en',
  name: (id: string) => string = (id) => id,
): SafeHtml {
  const w = (key: AuditWord) => aw(lang, key);
  const silent = watch.collection.silent(now);
  const late = watch.feeds.late(now);
  return html`<section id="collection" aria-labelledby="collection-heading">
<h2 id="collection-heading">${w('collection')}</h2>
${
  silent.length === 0
    ? html`<p id="silent-none" class="muted">${w('allCollecting')}</p>`
    : html`<table id="silent"><caption>${w('notCollecting')}</caption>
<thead><tr><th scope="col">${w('agency')}</th><th scope="col">${w('notCollectingFor')}</th><th scope="col">${w('waiting')}</th></tr></thead>
<tbody>${silent.map(
        (a) =>
          html`<tr data-agency="${a.agency}"><td>${name(a.agency)}</td><td>${forHowLong(a.silentForMs, lang)}</td><td>${a.backlog}</td></tr>`,
      )}</tbody></table>`
}
${
  late.length === 0
    ? html`<p id="late-none" class="muted">${w('noLateFeed')}</p>`
    : html`<table id="late-feeds"><caption>${w('lateFeeds')}</caption>
<thead><tr><th scope="col">${w('agency')}</th><th scope="col">${w('kind')}</th><th scope="col">${w('expectedEvery')}</th><th scope="col">${w('lastArrived')}</th></tr></thead>
<tbody>${late.map(
        (f) =>
          html`<tr data-agency="${f.agency}" data-kind="${f.kind}"><td>${name(f.agency)}</td><td>${kindLabel(f.kind, lang)}</td><td>${forHowLong(f.everyHours * 3_600_000, lang)}</td><td>${f.lastAt === null ? w('never') : when(f.lastAt, lang)}</td></tr>`,
      )}</tbody></table>`
}
</section>`;
}
