import type { Principal } from '../auth.ts';
import { html, type SafeHtml } from '../page-security.ts';
import { CSRF_FIELD } from './csrf-guard.ts';

/** A page language: English or Welsh. */
export type Lang = 'en' | 'cy';

/** One link of the top navigation. */
export interface NavLink {
  readonly href: string;
  readonly label: string;
  readonly current?: boolean;
}

/** What every page of a console shares. */
export interface PageShellOptions {
  readonly title: string;
  /** The service's own name, shown in the masthead (for example the agency's name). */
  readonly service: string;
  readonly lang: Lang;
  readonly body: SafeHtml;
  readonly principal?: Principal | undefined;
  /** The session's CSRF token: sent by htmx on every request and by the sign-out form. */
  readonly csrf?: string | null | undefined;
  readonly nav?: readonly NavLink[];
  /** Same-origin script paths (beyond htmx) to load, deferred. */
  readonly scripts?: readonly string[];
  /** The language switch: a link per language (same page, `?lang=`), without any child data. */
  readonly langSwitch?: boolean;
}

/** htmx settings that keep it within a strict CSP: no eval, no inline styles, same-origin only. */
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  selfRequestsOnly: true,
  historyCacheSize: 0,
});

const ROLE_NAMES: Readonly<Record<string, { en: string; cy: string }>> = {
  frontdoor: { en: 'front door', cy: 'drws ffrynt' },
  manager: { en: 'manager', cy: 'rheolwr' },
  auditor: { en: 'auditor', cy: 'archwilydd' },
  system: { en: 'system', cy: 'system' },
};

/** The words of the shell itself, in both languages. */
const WORDS = {
  skip: { en: 'Skip to main content', cy: "Neidio i'r prif gynnwys" },
  signOut: { en: 'Sign out', cy: 'Allgofnodi' },
  signedIn: { en: 'Signed in as', cy: 'Wedi mewngofnodi fel' },
  nav: { en: 'Main', cy: 'Prif' },
  language: { en: 'Language', cy: 'Iaith' },
} as const;

/**
 * The HTML document every console page is: skip link, masthead with navigation, the signed-in
 * person with a sign-out form, and `main`. No inline script or style: the CSS and scripts are
 * same-origin files, as the page CSP requires; htmx carries the CSRF token in `hx-headers`.
 */
export function pageShell(o: PageShellOptions): SafeHtml {
  const w = (k: keyof typeof WORDS) => WORDS[k][o.lang];
  const hxHeaders = o.csrf ? JSON.stringify({ 'X-CSRF-Token': o.csrf }) : undefined;
  const roles = o.principal?.roles.map((r) => ROLE_NAMES[r]?.[o.lang] ?? r).join(', ');
  return html`<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="htmx-config" content="${HTMX_CONFIG}">
<title>${o.title} · ${o.service} · Cwtch</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/cwtch.css">
<script src="/assets/htmx.min.js" defer></script>
${(o.scripts ?? []).map((s) => html`<script src="${s}" defer></script>`)}
</head>
<body${hxHeaders ? html` hx-headers="${hxHeaders}"` : ''}>
<a class="skip" href="#main">${w('skip')}</a>
<header class="masthead">
  <div class="brand"><span class="logo" aria-hidden="true">cwtch</span> <span>${o.service}</span></div>
  ${
    o.nav?.length
      ? html`<nav aria-label="${w('nav')}"><ul>${o.nav.map(
          (n) =>
            html`<li><a href="${n.href}"${n.current ? html` aria-current="page"` : ''}>${n.label}</a></li>`,
        )}</ul></nav>`
      : ''
  }
  <div class="who">
    ${
      o.langSwitch
        ? html`<span class="lang-switch" role="group" aria-label="${w('language')}"><a href="?lang=en" lang="en" hreflang="en"${o.lang === 'en' ? html` aria-current="true"` : ''}>English</a> <a href="?lang=cy" lang="cy" hreflang="cy"${o.lang === 'cy' ? html` aria-current="true"` : ''}>Cymraeg</a></span>`
        : ''
    }
    ${
      o.principal
        ? html`<span>${w('signedIn')} <strong class="who-name">${o.principal.name}</strong> (${roles})</span>
    ${
      o.csrf
        ? html`<form method="post" action="/signout" class="inline"><input type="hidden" name="${CSRF_FIELD}" value="${o.csrf}"><button type="submit" class="link">${w('signOut')}</button></form>`
        : ''
    }`
        : ''
    }
  </div>
</header>
<main id="main" tabindex="-1">
${o.body}
</main>
</body>
</html>`;
}
