import { beforeAll, describe, expect, it } from 'vitest';
import { type ParsedFamily, parsePrometheusText, sampleValue } from '../support/prometheus-text.ts';
import { eventually, example, type RunningRegion, useRegion } from '../support/region.ts';
import { auditGet, clientOf, exportAndVerify } from './support.ts';

/**
 * Issue 9, item 10 and the metrics parts of item 11: no witness cosignature is lost, so the
 * export keeps up with the log without a restart; every service's metrics are well-formed
 * Prometheus text; and a connector's metrics tell no one without a token what it sends or receives.
 */
const region = useRegion();
let run: RunningRegion;

const STORIES: [from: string, kind: string, to: string][] = [
  ['hillside', 'care-home-transition', 'swansea-cs'],
  ['swansea-cs', 'missing-episode', 'south-wales-police'],
  ['barnardos-cymru', 'intelligence-form', 'south-wales-police'],
  ['north-wales-police', 'out-of-area-move', 'wrexham-cs'],
];
const WITNESS_FAMILIES = [
  'cwtch_witness_cosignatures_total',
  'cwtch_witness_forks_total',
  'cwtch_witness_cosigned_size',
];

async function scrape(url: string, token?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, text: await res.text() };
}

async function metricsOf(url: string, token?: string): Promise<Map<string, ParsedFamily>> {
  const { status, text } = await scrape(url, token);
  expect(status, text).toBe(200);
  return parsePrometheusText(text);
}

const labelNames = (families: Map<string, ParsedFamily>) =>
  new Set([...families.values()].flatMap((f) => f.samples.flatMap((s) => Object.keys(s.labels))));

/** The size in the header of the evidence bundle the audit service would export now. */
async function exportableSize(): Promise<number> {
  const res = await fetch(`${run.region.audit.url}/v1/export?envelopes=0`, {
    headers: { authorization: `Bearer ${run.region.audit.token}` },
  });
  if (!res.ok) return 0;
  const text = await res.text();
  return (JSON.parse(text.slice(0, text.indexOf('\n'))) as { size: number }).size;
}

/** Every story at once, `times` over; resolves once every recipient has said delivered. */
async function burst(times: number): Promise<void> {
  const sends = Array.from({ length: times }, () =>
    STORIES.map(async ([from, kind, to]) => {
      const { id } = await clientOf(run, from).send({ kind, payload: await example(kind), recipients: [to] });
      return { from, id };
    }),
  ).flat();
  for (const { from, id } of await Promise.all(sends))
    await eventually(
      async () => (await clientOf(run, from).outbox(id)).recipients.every((r) => r.status === 'delivered'),
      30_000,
      `delivery of ${id}`,
    );
}

beforeAll(async () => {
  run = region();
  await burst(1);
});

describe('connector metrics', () => {
  it('reveal no traffic without a token: only the witness, which says nothing about shares', async () => {
    for (const [agency, a] of Object.entries(run.region.agencies)) {
      const open = await metricsOf(a.connector);
      expect(
        [...open.keys()].every((name) => WITNESS_FAMILIES.includes(name)),
        agency,
      ).toBe(true);
      expect(labelNames(open).size, agency).toBe(0);
      expect(sampleValue(open, 'cwtch_witness_forks_total'), agency).toBe(0);
    }
    const swansea = run.region.agencies['swansea-cs']!;
    const full = await metricsOf(swansea.connector, swansea.tokens.system);
    expect(sampleValue(full, 'cwtch_shares_sent_total', { kind: 'missing-episode' })).toBeGreaterThan(0);
    expect(sampleValue(full, 'cwtch_inbox_items')).toBeGreaterThan(0);
    // Its copies and receipts were stored, batched or one at a time, and no batch was refused.
    const stored =
      (sampleValue(full, 'cwtch_bus_publishes_total', { how: 'batched' }) ?? 0) +
      (sampleValue(full, 'cwtch_bus_publishes_total', { how: 'single' }) ?? 0);
    expect(stored).toBeGreaterThan(0);
    expect(sampleValue(full, 'cwtch_bus_batches_total', { outcome: 'refused' })).toBe(0);
  });

  it('refuse a token of another agency, and a forged one, instead of falling back to the open view', async () => {
    const swansea = run.region.agencies['swansea-cs']!;
    const police = run.region.agencies['south-wales-police']!;
    const other = await scrape(swansea.connector, police.tokens.system);
    // Its audience is another connector: not a token for this one at all.
    expect(other.status).toBe(401);
    expect(other.text).not.toContain('cwtch_');
    const forged = await scrape(swansea.connector, `${swansea.tokens.system.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
  });
});

describe('audit metrics', () => {
  it("show the log's health to anyone and rejections and index lag only to an auditor", async () => {
    const open = await metricsOf(run.region.audit.url);
    expect(sampleValue(open, 'cwtch_audit_log_entries')).toBeGreaterThan(0);
    expect(open.has('cwtch_audit_rejections_total')).toBe(false);
    expect(open.has('cwtch_audit_index_lag_events')).toBe(false);
    const full = await metricsOf(run.region.audit.url, run.region.audit.token);
    for (const name of [
      'cwtch_audit_log_entries',
      'cwtch_audit_checkpoint_age_seconds',
      'cwtch_audit_cosignatures_total',
      'cwtch_audit_index_lag_events',
      'cwtch_audit_rejections_total',
      'cwtch_bus_inbox_pending',
      'cwtch_bus_stream_bytes',
    ])
      expect(full.has(name), name).toBe(true);
    expect(sampleValue(full, 'cwtch_audit_index_lag_events')).toBeGreaterThanOrEqual(0);
    expect(sampleValue(full, 'cwtch_bus_sent_messages', { agency: 'hillside' })).toBeGreaterThan(0);
    expect(open.has('cwtch_bus_sent_messages')).toBe(false);
    const connectorToken = run.region.agencies['swansea-cs']!.tokens.system;
    expect((await scrape(run.region.audit.url, connectorToken)).status).toBeGreaterThanOrEqual(401);
  });
});

describe('checkpoints under a burst of sends', () => {
  it('take every witness cosignature, so the export reaches the newest entries without a restart', async () => {
    for (let round = 0; round < 3; round++) {
      await burst(3);
      const { size } = await auditGet<{ size: number }>(run, '/v1/shares?kind=none');
      const reached = await eventually(
        async () => ((await exportableSize()) >= size ? true : undefined),
        30_000,
        `an exportable checkpoint covering the ${size} entries logged after round ${round + 1}`,
      );
      expect(reached).toBe(true);
    }
    // Once the log is still, what each witness says it cosigned is what the audit service holds
    // (a witness counts its cosignature when it sends it, the audit service once it has stored it:
    // wait for both, not for the first alone).
    const witnessed = await eventually(async () => {
      const audit = await metricsOf(run.region.audit.url, run.region.audit.token);
      const checkpoint = sampleValue(audit, 'cwtch_audit_checkpoint_size');
      const perWitness = await Promise.all(
        Object.entries(run.region.agencies).map(async ([agency, a]) => {
          const own = sampleValue(await metricsOf(a.connector), 'cwtch_witness_cosigned_size');
          const held = sampleValue(audit, 'cwtch_audit_witness_cosigned_size', {
            witness: `${agency}.witness.cwtch.example`,
          });
          return { agency, own, held };
        }),
      );
      return perWitness.every((w) => w.own === checkpoint && w.held === w.own)
        ? { audit, perWitness }
        : undefined;
    }, 30_000);
    for (const w of witnessed.perWitness) expect(w.held, w.agency).toBe(w.own);
    expect(witnessed.audit.get('cwtch_audit_cosignatures_refused_total')?.samples).toEqual([]);
  });
});

describe('every service', () => {
  it('exposes metrics that parse strictly, with and without a token', async () => {
    for (const a of Object.values(run.region.agencies)) {
      await metricsOf(a.connector);
      const full = await metricsOf(a.connector, a.tokens.system);
      expect(full.has('cwtch_inbox_items')).toBe(true);
    }
    await metricsOf(run.region.audit.url);
    await metricsOf(run.region.audit.url, run.region.audit.token);
  });
});

describe('the evidence', () => {
  it('verifies after the whole suite', async () => {
    const res = await exportAndVerify(run);
    expect(res.code, `${res.stdout}\n${res.stderr}`).toBe(0);
  });
});
