import { html, type Lang, type SafeHtml } from '@cwtch/http';
import type { AgencyContext } from '../agency-context.ts';
import { spanOf } from '../collection-state.ts';
import { agencyName } from './connector-page.ts';

/** The line for a recipient that has not collected its inbox for `span`, in English and Welsh. */
function notCollecting(name: string, span: string, lang: Lang): string {
  return lang === 'cy'
    ? `Nid yw ${name} wedi casglu ei hysbysiadau ers ${span}. Mae’r hysbysiad yn aros amdano: os na all aros, ffoniwch nhw.`
    : `${name} has not collected its notifications for ${span}. The notification waits for it: if it cannot wait, phone them.`;
}

/**
 * A line per recipient that has stopped collecting its inbox (DESIGN §6a, silence), for the
 * sender's outbox page; nothing when every recipient is collecting or has the share already.
 */
export function silenceNotice(ctx: AgencyContext, agencies: readonly string[], lang: Lang): SafeHtml {
  const silent = agencies.flatMap((agency) => {
    const ms = ctx.collection.silentFor(agency);
    return ms === null ? [] : [{ agency, ms }];
  });
  if (silent.length === 0) return html``;
  return html`<div id="not-collecting" class="notice bad" role="status"><ul class="plain">${silent.map(
    (s) =>
      html`<li data-agency="${s.agency}">${notCollecting(agencyName(ctx, s.agency, lang), spanOf(s.ms), lang)}</li>`,
  )}</ul></div>`;
}
