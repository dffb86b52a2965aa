import {
  type Lang,
  type NavLink,
  type PageEnv,
  type PageSession,
  pageShell,
  type SafeHtml,
} from '@cwtch/http';
import type { Context } from 'hono';
import type { AgencyContext } from '../agency-context.ts';
import { t } from './page-text.ts';
import { st } from './statement-text.ts';

/** Which top-level page is showing, for `aria-current`. */
export type Section = 'inbox' | 'compose' | 'outbox' | 'overdue' | 'board' | 'other';

/** The connector page script: live updates, the high-priority cue, countdowns. */
export const CONNECTOR_SCRIPT = '/assets/connector.js';

/** The navigation a principal sees: managers get the overdue view; auditors never get here. */
function nav(session: PageSession | undefined, lang: Lang, current: Section, board: boolean): NavLink[] {
  const roles = session?.principal.roles ?? [];
  const links: NavLink[] = [{ href: '/', label: t(lang, 'inbox'), current: current === 'inbox' }];
  if (roles.includes('manager'))
    links.push({ href: '/overdue', label: t(lang, 'overdue'), current: current === 'overdue' });
  links.push({ href: '/compose', label: t(lang, 'compose'), current: current === 'compose' });
  links.push({ href: '/outbox', label: st(lang, 'outboxNav'), current: current === 'outbox' });
  // A safeguarding board's connector merges the partners' monthly figures into its data sheet.
  if (board)
    links.push({
      href: '/board',
      label: lang === 'cy' ? 'Taflen ddata' : 'Data sheet',
      current: current === 'board',
    });
  return links;
}

/** Renders a connector page in the shared shell, with the agency's name in the masthead. */
export function connectorPage(
  c: Context<PageEnv>,
  ctx: AgencyContext,
  o: {
    title: string;
    body: SafeHtml;
    lang: Lang;
    section?: Section;
    status?: 200 | 400 | 403 | 404 | 409 | 422;
  },
): Response {
  const session = c.var.session as PageSession | undefined;
  const page = pageShell({
    title: o.title,
    service: agencyName(ctx, ctx.agency, o.lang),
    lang: o.lang,
    body: o.body,
    principal: session?.principal,
    csrf: session?.csrf,
    nav: session
      ? nav(
          session,
          o.lang,
          o.section ?? 'other',
          ctx.directory.view.agency(ctx.agency)?.type === 'safeguarding-board',
        )
      : [],
    scripts: session ? [CONNECTOR_SCRIPT] : [],
    langSwitch: true,
  });
  return c.html(String(page), o.status ?? 200);
}

/** An agency's display name from the signed directory, in Welsh where it has one (its id if unknown). */
export function agencyName(ctx: AgencyContext, id: string, lang?: Lang): string {
  const agency = ctx.directory.view.agency(id);
  return (lang === 'cy' ? agency?.nameCy : undefined) ?? agency?.name ?? id;
}
