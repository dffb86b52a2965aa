import { CSRF_FIELD, html, type PageEnv, Role, requireRole, type SafeHtml } from '@cwtch/http';
import type { Hono } from 'hono';
import type { Checkpointer, WitnessKey } from '../checkpointer.ts';
import { auditPage, when } from './audit-page.ts';
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
const MARK = { valid: '✓ valid', missing: '— not yet', invalid: '✗ INVALID' } as const;

function verdictView(v: CheckpointVerdict): SafeHtml {
  return html`<div id="verify-result" role="status" class="${v.ok ? 'notice ok' : 'notice bad'}">
<p><strong>${v.ok ? 'Verified' : 'NOT verified'}:</strong> checkpoint ${v.size}; log signature ${v.signers[0]?.outcome === 'valid' ? 'valid' : 'NOT valid'}; ${v.cosigned} of ${v.signers.length - 1} pinned witnesses cosigned (quorum ${v.quorum}: ${v.quorumMet ? 'met' : 'not yet met'}).</p>
<table><caption>Signature checks against the pinned keys</caption><thead><tr><th scope="col">Signer</th><th scope="col">Role</th><th scope="col">Result</th><th scope="col">Detail</th></tr></thead>
<tbody>${v.signers.map(
    (s) =>
      html`<tr><td class="mono">${s.name}</td><td>${s.role}</td><td class="${s.outcome === 'valid' ? 'ok' : s.outcome === 'invalid' ? 'bad' : 'muted'}">${MARK[s.outcome]}</td><td>${s.detail}${s.at ? html`, ${when(s.at)}` : ''}</td></tr>`,
  )}</tbody></table></div>`;
}

/** The latest checkpoint with its cosignatures, a verify button and the export link. */
export function checkpointPanel(
  trust: CheckpointTrust,
  csrf: string | null,
  verdict?: CheckpointVerdict,
): SafeHtml {
  const cp = trust.checkpoints.latest;
  const withQuorum = trust.checkpoints.latestWithQuorum(trust.quorum);
  if (!cp)
    return html`<section id="checkpoint"><h2>Latest checkpoint</h2><p>The log is empty: nothing signed yet.</p></section>`;
  return html`<section id="checkpoint" aria-labelledby="checkpoint-heading">
<h2 id="checkpoint-heading">Latest checkpoint</h2>
<dl class="fields summary-panel">
<dt>Log</dt><dd class="mono">${trust.origin}</dd>
<dt>Tree size</dt><dd id="checkpoint-size">${cp.size}</dd>
<dt>Root hash</dt><dd class="mono">${b64(cp.root)}</dd>
<dt>Signed</dt><dd>${when(cp.signedAt)}</dd>
<dt>Cosignatures</dt><dd>${cp.cosignatures.size ? [...cp.cosignatures.keys()].map((n, i) => html`${i ? ', ' : ''}<span class="mono">${n}</span>`) : 'none yet'}</dd>
${withQuorum && withQuorum.size !== cp.size ? html`<dt>Newest with quorum</dt><dd>size ${withQuorum.size} (${withQuorum.cosignatures.size} cosignatures)</dd>` : ''}
</dl>
<form method="post" action="/checkpoint/verify" hx-post="/checkpoint/verify" hx-target="#checkpoint" hx-swap="outerHTML">
${csrf ? html`<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">` : ''}
<button type="submit" id="verify">Verify signatures</button>
<span class="hint">Checks the log's signature and each witness cosignature here, against the keys this service pins.</span>
</form>
${verdict ? verdictView(verdict) : ''}
<p><a href="/v1/export" download id="export">Download the evidence bundle</a> <span class="hint">(every entry up to the newest checkpoint with ${trust.quorum} cosignatures; check it offline with <code>cwtch audit verify</code>)</span></p>
</section>`;
}

/** `POST /checkpoint/verify`: verifies the latest checkpoint server-side and shows the verdict. */
export function checkpointRoutes(pages: Hono<PageEnv>, trust: CheckpointTrust): void {
  pages.post('/checkpoint/verify', (c) => {
    requireRole(c.var.principal, [Role.auditor]);
    const cp = trust.checkpoints.latest;
    const verdict = cp ? verifyLatestCheckpoint(trust.checkpoints.noteOf(cp), cp, trust) : undefined;
    const panel = checkpointPanel(trust, c.var.session.csrf, verdict);
    if (c.req.header('hx-request')) return c.html(String(panel));
    return auditPage(c, { title: 'Checkpoint', body: html`<h1>Checkpoint</h1>${panel}` });
  });
}
