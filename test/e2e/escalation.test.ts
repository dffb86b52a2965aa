import { describe, expect, it } from 'vitest';
import { auditGet, clientOf, exportAndVerify } from '../attack/support.ts';
import { eventually, example, type RunningRegion, useRegion } from '../support/region.ts';

// A short ladder: step 1 at the respond-by, step 2 three seconds later, looked for twice a second.
const region = useRegion({ env: { CWTCH_ESCALATION_STEP2_MS: '3000', CWTCH_ESCALATION_CHECK_MS: '500' } });

interface AuditShares {
  items: { id: string; receipts: { agency: string; to: string; status: string; reason: string | null }[] }[];
}

/** A page of `agency`'s connector as its manager (pages take the same bearer tokens as the API). */
async function managerPage(run: RunningRegion, agency: string, path: string): Promise<string> {
  const a = run.region.agencies[agency]!;
  const res = await fetch(`${a.connector}${path}`, {
    headers: { authorization: `Bearer ${a.tokens.manager}` },
  });
  expect(res.status).toBe(200);
  return res.text();
}

async function sendDueSoon(run: RunningRegion, ms: number): Promise<string> {
  const sent = await clientOf(run, 'swansea-cs').send({
    kind: 'cse-protocol-entry',
    payload: await example('cse-protocol-entry'),
    recipients: ['south-wales-police'],
    respondBy: new Date(Date.now() + ms).toISOString(),
  });
  return sent.id;
}

/** The escalated statements the share log holds about one share, as [signer, addressee, step]. */
async function loggedEscalations(run: RunningRegion, id: string): Promise<string[][]> {
  const { items } = await auditGet<AuditShares>(run, '/v1/shares?agency=swansea-cs&kind=cse-protocol-entry');
  return (items.find((i) => i.id === id)?.receipts ?? [])
    .filter((r) => r.status === 'escalated')
    .map((r) => [r.agency, r.to, r.reason ?? '']);
}

const has = (rows: string[][], row: string[]) => rows.some((r) => r.join() === row.join());

describe('the escalation ladder (DESIGN §6a)', () => {
  it('a respond-by left alone: the recipient’s managers and the sender’s both see each step, and the log holds it', async () => {
    const run = region();
    const id = await sendDueSoon(run, 2500);
    const sender = clientOf(run, 'swansea-cs');

    const outbox = await eventually(
      async () => {
        const o = await sender.outbox(id);
        const steps = o.escalations.map((e) => `${e.by}>${e.to}:${e.step}`);
        return steps.includes('swansea-cs>south-wales-police:ESCALATION_STEP_2') &&
          steps.includes('south-wales-police>swansea-cs:ESCALATION_STEP_2')
          ? o
          : undefined;
      },
      20_000,
      'both steps from both sides in the sender’s outbox',
    );
    const ours = outbox.escalations.find((e) => e.by === 'swansea-cs')!;
    expect(ours.contact).toBe('Public Protection Unit duty inspector, 01632 960103 (24 hours)');
    expect(ours.alerted).toContain('managers');
    const theirs = outbox.escalations.find((e) => e.by === 'south-wales-police')!;
    expect(theirs.alerted).toContain('Public Protection Unit duty inspector');
    // Step 2 comes after step 1, on each side.
    for (const by of ['swansea-cs', 'south-wales-police']) {
      const steps = outbox.escalations.filter((e) => e.by === by);
      expect(steps.map((e) => e.step)).toEqual(['ESCALATION_STEP_1', 'ESCALATION_STEP_2']);
      expect(Date.parse(steps[1]!.at) - Date.parse(steps[0]!.at)).toBeGreaterThanOrEqual(2000);
    }

    // The recipient's managers: the item on the overdue page, escalated, with their own contact named.
    const overdue = await managerPage(run, 'south-wales-police', '/overdue');
    expect(overdue).toContain(`/inbox/${id}`);
    expect(overdue).toContain('Escalated again (step 2)');
    expect(overdue).toContain('Public Protection Unit duty inspector, 01632 960103');
    const detail = await managerPage(run, 'south-wales-police', `/inbox/${id}`);
    expect(detail).toContain('Escalated (step 1)');
    expect(detail).toContain('the sender is chasing an answer');
    // The sender's managers: the share waiting on South Wales Police, with the number to call.
    const sentLate = await managerPage(run, 'swansea-cs', '/overdue');
    expect(sentLate).toMatch(new RegExp(`data-id="${id}" data-agency="south-wales-police"`));
    expect(sentLate).toContain('Call Public Protection Unit duty inspector, 01632 960103');
    const outboxPage = await managerPage(run, 'swansea-cs', `/outbox/${id}`);
    expect(outboxPage).toContain('Escalated again (step 2)');

    const logged = await eventually(
      async () => {
        const rows = await loggedEscalations(run, id);
        return rows.length >= 4 ? rows : undefined;
      },
      15_000,
      'four escalation events in the share log',
    );
    for (const row of [
      ['swansea-cs', 'south-wales-police', 'ESCALATION_STEP_1'],
      ['swansea-cs', 'south-wales-police', 'ESCALATION_STEP_2'],
      ['south-wales-police', 'swansea-cs', 'ESCALATION_STEP_1'],
      ['south-wales-police', 'swansea-cs', 'ESCALATION_STEP_2'],
    ])
      expect(has(logged, row), row.join(' ')).toBe(true);

    // The auditor can ask for every escalated share.
    const escalated = await auditGet<AuditShares>(run, '/v1/shares?status=escalated');
    expect(escalated.items.map((i) => i.id)).toContain(id);
    const accepted = await auditGet<AuditShares>(run, '/v1/shares?status=accepted');
    expect(accepted.items.map((i) => i.id)).not.toContain(id);

    // An acknowledgement ends the ladder: nothing more is signed, and the overdue page lets it go.
    await clientOf(run, 'south-wales-police', 'frontdoor').acknowledge(id);
    await eventually(
      async () => !(await managerPage(run, 'south-wales-police', '/overdue')).includes(`/inbox/${id}`),
      10_000,
      'the acknowledged item leaving the overdue page',
    );

    const verified = await exportAndVerify(run);
    expect(verified.stderr + verified.stdout).not.toContain('RECEIPT_OUT_OF_ORDER');
    expect(verified.code).toBe(0);
  });

  it('a recipient connector frozen at the deadline: the sender escalates at once, the recipient as soon as it is back', async () => {
    const run = region();
    const pid = run.region.agencies['south-wales-police']!.pid;
    process.kill(pid, 'SIGSTOP');
    let id: string;
    try {
      id = await sendDueSoon(run, 1500);
      const outbox = await eventually(
        async () => {
          const o = await clientOf(run, 'swansea-cs').outbox(id);
          return o.escalations.some((e) => e.by === 'swansea-cs' && e.step === 'ESCALATION_STEP_1')
            ? o
            : undefined;
        },
        15_000,
        'the sender’s own escalation while the recipient is frozen',
      );
      expect(outbox.recipients[0]?.status).toBe('sent');
      expect(outbox.escalations.every((e) => e.by === 'swansea-cs')).toBe(true);
      await eventually(
        async () =>
          has(await loggedEscalations(run, id), ['swansea-cs', 'south-wales-police', 'ESCALATION_STEP_1']),
        15_000,
        'the sender’s escalation in the share log',
      );
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    // Back: it receives the share already past its respond-by and climbs the ladder at once.
    await eventually(
      async () => (await managerPage(run, 'south-wales-police', '/overdue')).includes(`/inbox/${id}`),
      20_000,
      'the late share on the recipient’s overdue page',
    );
    const logged = await eventually(
      async () => {
        const rows = await loggedEscalations(run, id);
        return has(rows, ['south-wales-police', 'swansea-cs', 'ESCALATION_STEP_1']) ? rows : undefined;
      },
      20_000,
      'the recipient’s escalation in the share log',
    );
    expect(has(logged, ['south-wales-police', 'swansea-cs', 'ESCALATION_STEP_1'])).toBe(true);
  });
});
