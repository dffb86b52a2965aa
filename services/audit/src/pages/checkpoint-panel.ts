import {
  CSRF_FIELD,
  html,
  type Lang,
  type PageEnv,
  pick,
  Role,
  requireRole,
  type SafeHtml,
  type WordPair,
  wordsOf,
} from '@cwtch/http';
import type { Hono } from 'hono';
import type { Checkpointer, WitnessKey } from '../checkpointer.ts';
import { auditLang, auditPage, when } from './audit-page.ts';
import { type AuditWord, aw } from './audit-words.ts';
import { type CheckpointVerdict, verifyLatestCheckpoint } from './verify-latest-checkpoint.ts';

/** The keys an auditor pins, and the log's checkpoints. */
export interface CheckpointTrust {
  readonly checkpoints: Checkpointer;
  readonly origin: string;
  readonly logKey: Uint8Array;
  readonly witnesses: readonly WitnessKey[];
  readonly quorum: number;
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const MARK = {
  valid: ['✓ valid', '✓ dilys'],
  missing: ['— not yet', '— dim eto'],
  invalid: ['✗ INVALID', '✗ ANNILYS'],
} as const;

/** The verdict's words (its details come from the verifier, in English). */
const VERDICT = {
  verified: ['Verified', 'Wedi’i wirio'],
  notVerified: ['NOT verified', 'HEB ei wirio'],
  checkpoint: ['checkpoint', 'pwynt gwirio'],
  logSignature: ['log signature', 'llofnod y log'],
  valid: ['valid', 'dilys'],
  notValid: ['NOT valid', 'ANNILYS'],
  of: ['of', 'o'],
  pinnedCosigned: ['pinned witnesses cosigned', 'dyst wedi’u pinio wedi cydlofnodi'],
  quorum: ['quorum', 'cworwm'],
  met: ['met', 'wedi’i gyrraedd'],
  notMet: ['not yet met', 'heb ei gyrraedd eto'],
  caption: [
    'Signature checks against the pinned keys',
    'Gwiriadau llofnod yn erbyn yr allweddi wedi’u pinio',
  ],
  signer: ['Signer', 'Llofnodwr'],
  role: ['Role', 'Rôl'],
  result: ['Result', 'Canlyniad'],
  detail: ['Detail', 'Manylion'],
  log: ['log', 'log'],
  witness: ['witness', 'tyst'],
} as const satisfies Record<string, WordPair>;
const vw = wordsOf(VERDICT);

/** A signer's detail in Welsh where it is one of the verifier's fixed phrases; errors stay as they are. */
function detailIn(detail: string, lang: Lang): string {
  if (lang !== 'cy') return detail;
  if (detail === 'cosigned') return 'cydlofnodwyd';
  if (detail === 'no cosignature yet') return 'dim cydlofnod eto';
  return detail.replace(/^signs size (\d+)$/, 'yn llofnodi maint $1');
}

function verdictView(v: CheckpointVerdict, lang: Lang): SafeHtml {
  const w = (key: keyof typeof VERDICT) => vw(lang, key);
  return html`<div id="verify-result" role="status" class="${v.ok ? 'notice ok' : 'notice bad'}">
<p><strong>${v.ok ? w('verified') : w('notVerified')}:</strong> ${w('checkpoint')} ${v.size}; ${w('logSignature')} ${v.signers[0]?.outcome === 'valid' ? w('valid') : w('notValid')}; ${v.cosigned} ${w('of')} ${v.signers.length - 1} ${w('pinnedCosigned')} (${w('quorum')} ${v.quorum}: ${v.quorumMet ? w('met') : w('notMet')}).</p>
<table><caption>${w('caption')}</caption><thead><tr><th scope="col">${w('signer')}</th><th scope="col">${w('role')}</th><th scope="col">${w('result')}</th><th scope="col">${w('detail')}</th></tr></thead>
<tbody>${v.signers.map(
    (s) =>
      html`<tr><td class="mono">${s.name}</td><td>${w(s.role)}</td><td class="${s.outcome === 'valid' ? 'ok' : s.outcome === 'invalid' ? 'bad' : 'muted'}">${pick(MARK[s.outcome], lang)}</td><td>${detailIn(s.detail, lang)}${s.at ? html`, ${when(s.at, lang)}` : ''}</td></tr>`,
  )}</tbody></table></div>`;
}

/** The latest checkpoint with its cosignatures, a verify button and the export link, in `lang`. */
export function checkpointPanel(
  trust: CheckpointTrust,
  csrf: string | null,
  verdict?: CheckpointVerdict,
  lang: Lang = 'en',
): SafeHtml {
  const w = (key: AuditWord) => aw(lang, key);
  const cp = trust.checkpoints.latest;
  const withQuorum = trust.checkpoints.latestWithQuorum(trust.quorum);
  if (!cp)
    return html`<section id="checkpoint"><h2>${w('latestCheckpoint')}</h2><p>${w('logEmpty')}</p></section>`;
  return html`<section id="checkpoint" aria-labelledby="checkpoint-heading">
<h2 id="checkpoint-heading">${w('latestCheckpoint')}</h2>
<dl class="fields summary-panel">
<dt>${w('log')}</dt><dd class="mono">${trust.origin}</dd>
<dt>${w('treeSize')}</dt><dd id="checkpoint-size">${cp.size}</dd>
<dt>${w('rootHash')}</dt><dd class="mono">${b64(cp.root)}</dd>
<dt>${w('signed')}</dt><dd>${when(cp.signedAt, lang)}</dd>
<dt>${w('cosignatures')}</dt><dd>${cp.cosignatures.size ? [...cp.cosignatures.keys()].map((n, i) => html`${i ? ', ' : ''}<span class="mono">${n}</span>`) : w('noneYet')}</dd>
${withQuorum && withQuorum.size !== cp.size ? html`<dt>${w('newestWithQuorum')}</dt><dd>${w('size')} ${withQuorum.size} (${withQuorum.cosignatures.size} ${w('cosignaturesWord')})</dd>` : ''}
</dl>
<form method="post" action="/checkpoint/verify" hx-post="/checkpoint/verify" hx-target="#checkpoint" hx-swap="outerHTML">
${csrf ? html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">` : ''}
<button type="submit" id="verify">${w('verify')}</button>
<span class="hint">${w('verifyHint')}</span>
</form>
${verdict ? verdictView(verdict, lang) : ''}
<p><a href="/v1/export" download id="export">${w('download')}</a> <span class="hint">(${w('downloadHint1')} ${trust.quorum} ${w('downloadHint2')} <code>cwtch audit verify</code>)</span></p>
</section>`;
}

/** `POST /checkpoint/verify`: verifies the latest checkpoint server-side and shows the verdict. */
export function checkpointRoutes(pages: Hono<PageEnv>, trust: CheckpointTrust): void {
  pages.post('/checkpoint/verify', (c) => {
    requireRole(c.var.principal, [Role.auditor]);
    const lang = auditLang(c);
    const cp = trust.checkpoints.latest;
    const verdict = cp ? verifyLatestCheckpoint(trust.checkpoints.noteOf(cp), cp, trust) : undefined;
    const panel = checkpointPanel(trust, c.var.session.csrf, verdict, lang);
    if (c.req.header('hx-request')) return c.html(String(panel));
    const title = aw(lang, 'checkpoint');
    return auditPage(c, { title, body: html`<h1>${title}</h1>${panel}`, lang });
  });
}
