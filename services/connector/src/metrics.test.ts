import { MetricType } from '@cwtch/runtime';
import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics.ts';

const inbox = { name: 'cwtch_inbox_items', help: 'Items', type: MetricType.gauge, samples: [{ value: 4 }] };

describe('Metrics', () => {
  it('gives every family, gauges included, a HELP and a TYPE before its samples', () => {
    const m = new Metrics();
    m.inc('cwtch_shares_sent_total', 'Shares published, per kind', { kind: 'missing-episode' });
    const lines = m.render({ full: true }, [inbox]).split('\n');
    expect(lines.slice(3, 6)).toEqual([
      '# HELP cwtch_inbox_items Items',
      '# TYPE cwtch_inbox_items gauge',
      'cwtch_inbox_items 4',
    ]);
  });

  it('shows per-kind traffic only when full, and the witness counters always', () => {
    const m = new Metrics();
    m.inc('cwtch_shares_sent_total', 'Shares published, per kind', { kind: 'missing-episode' });
    m.inc('cwtch_witness_forks_total', 'Forks seen', {}, 0);
    const open = m.render({ full: false }, [inbox]);
    expect(open).not.toMatch(/kind=|cwtch_shares_sent_total|cwtch_inbox_items/);
    expect(open).toContain('cwtch_witness_forks_total 0');
    expect(m.render({ full: true }, [inbox])).toContain('cwtch_shares_sent_total{kind="missing-episode"} 1');
  });

  it('escapes label values instead of rewriting them, and adds to one series per label set', () => {
    const m = new Metrics();
    m.inc('cwtch_envelopes_rejected_total', 'Refused', { code: 'a"b\\c', at: 'x' });
    m.inc('cwtch_envelopes_rejected_total', 'Refused', { at: 'x', code: 'a"b\\c' }, 2);
    expect(m.render({ full: true })).toContain('cwtch_envelopes_rejected_total{at="x",code="a\\"b\\\\c"} 3');
  });
});
