import { html, type SafeHtml } from '@cwtch/http';
import type { CollectionWatch } from '../collection-watch.ts';
import type { FeedWatch } from '../feed-watch.ts';
import { when } from './audit-page.ts';

/** Agencies not collecting their inbox and expected feeds not arriving (DESIGN §6a, silence). */
export interface SilenceWatch {
  readonly collection: CollectionWatch;
  readonly feeds: FeedWatch;
}

/** A length of time in words, to the unit that reads best. */
export function forHowLong(ms: number): string {
  const unit = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const s = Math.floor(ms / 1000);
  if (s < 120) return unit(s, 'second');
  if (s < 7200) return unit(Math.floor(s / 60), 'minute');
  if (s < 172_800) return unit(Math.floor(s / 3600), 'hour');
  return unit(Math.floor(s / 86_400), 'day');
}

/** The auditor console's view of silence: who has stopped collecting, which feeds are late. */
export function collectionPanel(watch: SilenceWatch, now = Date.now()): SafeHtml {
  const silent = watch.collection.silent(now);
  const late = watch.feeds.late(now);
  return html`<section id="collection" aria-labelledby="collection-heading">
<h2 id="collection-heading">Collection and expected feeds</h2>
${
  silent.length === 0
    ? html`<p id="silent-none" class="muted">Every agency is collecting its inbox.</p>`
    : html`<table id="silent"><caption>Agencies not collecting their inbox</caption>
<thead><tr><th scope="col">Agency</th><th scope="col">Not collecting for</th><th scope="col">Messages waiting</th></tr></thead>
<tbody>${silent.map(
        (a) =>
          html`<tr data-agency="${a.agency}"><td>${a.agency}</td><td>${forHowLong(a.silentForMs)}</td><td>${a.backlog}</td></tr>`,
      )}</tbody></table>`
}
${
  late.length === 0
    ? html`<p id="late-none" class="muted">No expected feed is late.</p>`
    : html`<table id="late-feeds"><caption>Expected feeds that have not arrived</caption>
<thead><tr><th scope="col">Agency</th><th scope="col">Kind</th><th scope="col">Expected every</th><th scope="col">Last arrived</th></tr></thead>
<tbody>${late.map(
        (f) =>
          html`<tr data-agency="${f.agency}" data-kind="${f.kind}"><td>${f.agency}</td><td>${f.kind}</td><td>${forHowLong(f.everyHours * 3_600_000)}</td><td>${f.lastAt === null ? 'never' : when(f.lastAt)}</td></tr>`,
      )}</tbody></table>`
}
</section>`;
}
