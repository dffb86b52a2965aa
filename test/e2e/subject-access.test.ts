import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { CwtchApiError } from '@cwtch/sdk';
import { describe, expect, it } from 'vitest';
import { auditGet, clientOf, exportAndVerify } from '../attack/support.ts';
import { eventually, example, type RunningRegion, useRegion } from '../support/region.ts';

const region = useRegion();

/** The demo child of contracts/examples, as a worker would type the number. */
const NHS_NUMBER = '9434765919';
const TYPED = '943 476 5919';

interface Report {
  subject: string;
  generatedAt: string;
  entries: { id: string; kind: string; from: string; to: string[]; agreement: string; lawfulBasis: string }[];
  withheld: { until: string } | null;
}

const londonDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(ms);

/** `POST /v1/subject-access` as the region's auditor: the subject in the body, never the URL. */
async function subjectAccess(run: RunningRegion, subject: string): Promise<Response> {
  return fetch(`${run.region.audit.url}/v1/subject-access`, {
    method: 'POST',
    headers: { authorization: `Bearer ${run.region.audit.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ subject }),
  });
}

/** The printable report page, as the auditor's browser would post the form. */
async function reportPage(run: RunningRegion, lang: 'en' | 'cy'): Promise<string> {
  const res = await fetch(`${run.region.audit.url}/subject-access`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${run.region.audit.token}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ subject: TYPED, lang }).toString(),
    redirect: 'manual',
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  return res.text();
}

/** The statuses of the sender's statements a recipient's connector recorded about a share. */
function recordedBySender(run: RunningRegion, agency: string, id: string): string[] {
  const db = new DatabaseSync(join(run.dataDir, 'agencies', agency, 'inbox.sqlite'), { readOnly: true });
  try {
    return (db.prepare('SELECT status FROM statement_in WHERE id = ?').all(id) as { status: string }[]).map(
      (r) => r.status,
    );
  } finally {
    db.close();
  }
}

describe('tipping-off-safe subject access', () => {
  it('withholds an embargoed share, states only until when, and keeps the NHS number out of logs and URLs', async () => {
    const run = region();
    // Two shares about the same child: a transition from the children's home, a CSE entry from Swansea.
    const transition = await clientOf(run, 'hillside').send({
      kind: 'care-home-transition',
      payload: await example('care-home-transition'),
      recipients: ['swansea-cs'],
    });
    const cse = await clientOf(run, 'swansea-cs').send({
      kind: 'cse-protocol-entry',
      payload: await example('cse-protocol-entry'),
      recipients: ['south-wales-police'],
    });
    const police = clientOf(run, 'south-wales-police', 'frontdoor');
    await eventually(async () => (await police.inbox()).some((i) => i.id === cse.id), 15_000, 'delivery');

    // Only the sender's managers or its system may embargo; a front-door worker may not.
    const reviewBy = londonDay(Date.now() + 30 * 86_400_000);
    const request = { reason: 'CRIMINAL_INVESTIGATION', owner: 'DS Rhys Morgan', reviewBy };
    const refused = await clientOf(run, 'swansea-cs', 'frontdoor')
      .embargo(cse.id, request)
      .catch((e: unknown) => e);
    expect((refused as CwtchApiError).status).toBe(403);
    const embargo = await clientOf(run, 'swansea-cs', 'manager').embargo(cse.id, request);
    expect(embargo).toMatchObject({ recipients: ['south-wales-police'], inForce: true });
    expect(londonDay(Date.parse(embargo.until))).toBe(reviewBy);
    expect((await clientOf(run, 'swansea-cs').outbox(cse.id)).embargo).toMatchObject({
      reason: 'CRIMINAL_INVESTIGATION',
      owner: 'DS Rhys Morgan',
      until: embargo.until,
    });

    // The recipient's connector takes the sender's statement (not dropped as an unknown share).
    await eventually(
      () => recordedBySender(run, 'south-wales-police', cse.id).includes('embargoed'),
      15_000,
      'the embargo recorded by the recipient',
    );
    // The share log holds the signed embargo, with its owner and review date.
    const logged = await eventually(
      async () => {
        const { items } = await auditGet<{
          items: {
            id: string;
            receipts: { agency: string; status: string; actor: string; until?: string }[];
          }[];
        }>(run, '/v1/shares?status=embargoed');
        return items.find((i) => i.id === cse.id);
      },
      15_000,
      'the embargo in the share log',
    );
    expect(logged.receipts.find((r) => r.status === 'embargoed')).toMatchObject({
      agency: 'swansea-cs',
      actor: 'DS Rhys Morgan',
      until: embargo.until,
    });

    // The report lists the other share and says only that some entries are withheld until the review date.
    const res = await subjectAccess(run, TYPED);
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report.entries.map((e) => e.id)).toEqual([transition.id]);
    expect(report.entries[0]).toMatchObject({
      kind: 'care-home-transition',
      from: 'hillside',
      to: ['swansea-cs'],
    });
    expect(report.withheld).toEqual({ until: embargo.until });
    const text = JSON.stringify(report);
    expect(text).not.toContain(cse.id);
    expect(text).not.toContain('cse-protocol-entry');
    expect(text).not.toContain('DS Rhys Morgan');
    expect(text).not.toContain(NHS_NUMBER);

    // The printable document, in English and in Welsh.
    const english = await reportPage(run, 'en');
    expect(english).toContain(`data-id="${transition.id}"`);
    expect(english).not.toContain(cse.id);
    expect(english).toMatch(
      /Some entries are withheld until <time datetime="[^"]+">\d{1,2} \w+ \d{4}<\/time>/,
    );
    expect(english).toContain('NHS number ending 5919');
    expect(english).not.toContain(NHS_NUMBER);
    const welsh = await reportPage(run, 'cy');
    expect(welsh).toContain('<html lang="cy">');
    expect(welsh).toContain('Mae rhai cofnodion wedi’u hatal tan');
    expect(welsh).not.toContain(cse.id);

    // A child the log does not know, or a mistyped number, gives nothing away.
    const unknown = (await (await subjectAccess(run, '401 023 2137')).json()) as Report;
    expect(unknown).toMatchObject({ entries: [], withheld: null });
    const mistyped = await subjectAccess(run, '943 476 5918');
    expect(mistyped.status).toBe(400);
    expect(await mistyped.text()).not.toContain('5918');

    // The sender lifts the embargo: the share is reported again, and nothing is said to be withheld.
    const lifted = await clientOf(run, 'swansea-cs').embargo(cse.id, {
      ...request,
      reviewBy: londonDay(Date.now()),
    });
    expect(lifted.inForce).toBe(false);
    const after = await eventually(
      async () => {
        const r = (await (await subjectAccess(run, NHS_NUMBER)).json()) as Report;
        return r.entries.length === 2 ? r : undefined;
      },
      15_000,
      'the lifted share back in the report',
    );
    expect(after.entries.map((e) => e.id)).toEqual([transition.id, cse.id]);
    expect(after.withheld).toBeNull();
    expect((await clientOf(run, 'swansea-cs').outbox(cse.id)).embargo).toBeNull();

    // The NHS number is in no log line of the audit service; the evidence still verifies offline.
    const log = await readFile(join(run.dataDir, 'logs', 'audit.log'), 'utf8');
    for (const form of [NHS_NUMBER, TYPED, '9434765918', '943 476 5918']) expect(log).not.toContain(form);
    expect(log.length).toBeGreaterThan(0);
    expect((await exportAndVerify(run)).code).toBe(0);
  });
});
