import { MetricType, renderMetrics } from '@cwtch/runtime';
import { describe, expect, it } from 'vitest';
import { parsePrometheusText, sampleValue } from './prometheus-text.ts';

const good = [
  '# HELP cwtch_sent_total Shares sent, per kind',
  '# TYPE cwtch_sent_total counter',
  'cwtch_sent_total{kind="a\\\\b\\"c\\nd"} 2',
  'cwtch_sent_total{kind="x"} 1',
  '# HELP cwtch_items Items',
  '# TYPE cwtch_items gauge',
  'cwtch_items 3.5 1700000000000',
  '',
].join('\n');

describe('parsePrometheusText', () => {
  it('reads families, escaped labels and values', () => {
    const families = parsePrometheusText(good);
    expect([...families.keys()]).toEqual(['cwtch_sent_total', 'cwtch_items']);
    expect(sampleValue(families, 'cwtch_sent_total', { kind: 'a\\b"c\nd' })).toBe(2);
    expect(sampleValue(families, 'cwtch_items')).toBe(3.5);
  });

  it.each([
    ['a gauge without HELP', '# TYPE cwtch_items gauge\ncwtch_items 1\n'],
    ['a family without TYPE', '# HELP cwtch_items Items\ncwtch_items 1\n'],
    ['TYPE after a sample', '# HELP cwtch_items Items\ncwtch_items 1\n# TYPE cwtch_items gauge\n'],
    ['two TYPE lines', '# HELP a_b A\n# TYPE a_b gauge\n# TYPE a_b gauge\na_b 1\n'],
    ['two HELP lines', '# HELP a_b A\n# HELP a_b A\n# TYPE a_b gauge\na_b 1\n'],
    ['a duplicate series', '# HELP a_b A\n# TYPE a_b gauge\na_b{x="1",y="2"} 1\na_b{y="2",x="1"} 2\n'],
    ['an invalid metric name', '# HELP 1a A\n# TYPE 1a gauge\n1a 1\n'],
    ['an invalid label name', '# HELP a_b A\n# TYPE a_b gauge\na_b{x-y="1"} 1\n'],
    ['an invalid escape', '# HELP a_b A\n# TYPE a_b gauge\na_b{x="\\t"} 1\n'],
    ['an unquoted label', '# HELP a_b A\n# TYPE a_b gauge\na_b{x=1} 1\n'],
    ['a counter without _total', '# HELP a_b A\n# TYPE a_b counter\na_b 1\n'],
    ['a gauge with _total', '# HELP a_total A\n# TYPE a_total gauge\na_total 1\n'],
    ['an invalid value', '# HELP a_b A\n# TYPE a_b gauge\na_b one\n'],
    [
      'a family split in two',
      '# HELP a_b A\n# TYPE a_b gauge\na_b{x="1"} 1\n# HELP c_d C\n# TYPE c_d gauge\nc_d 1\na_b{x="2"} 1\n',
    ],
    ['no final newline', '# HELP a_b A\n# TYPE a_b gauge\na_b 1'],
  ])('refuses %s', (_what, text) => {
    expect(() => parsePrometheusText(text)).toThrow();
  });
});

describe('renderMetrics', () => {
  it('renders what the strict parser accepts, escaping every label value', () => {
    const text = renderMetrics([
      {
        name: 'cwtch_refused_total',
        help: 'Refusals, per reason\nand more \\',
        type: MetricType.counter,
        samples: [{ labels: { reason: 'quote " slash \\ newline \n' }, value: 1 }, { value: 2 }],
      },
      { name: 'cwtch_age_seconds', help: 'Age', type: MetricType.gauge, samples: [{ value: 0.25 }] },
      { name: 'cwtch_empty', help: 'Nothing yet', type: MetricType.gauge, samples: [] },
    ]);
    const families = parsePrometheusText(text);
    expect(families.get('cwtch_refused_total')?.help).toBe('Refusals, per reason\nand more \\');
    expect(sampleValue(families, 'cwtch_refused_total', { reason: 'quote " slash \\ newline \n' })).toBe(1);
    expect(sampleValue(families, 'cwtch_age_seconds')).toBe(0.25);
  });

  it('refuses a family it would render wrongly', () => {
    const family = { help: 'x', type: MetricType.gauge, samples: [{ value: 1 }] };
    expect(() => renderMetrics([{ ...family, name: 'a_total' }])).toThrow(/_total/);
    expect(() =>
      renderMetrics([
        { ...family, name: 'a' },
        { ...family, name: 'a' },
      ]),
    ).toThrow(/twice/);
    expect(() => renderMetrics([{ ...family, name: 'a', samples: [{ value: 1 }, { value: 2 }] }])).toThrow(
      /two samples/,
    );
  });
});
