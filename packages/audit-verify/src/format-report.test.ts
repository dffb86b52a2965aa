import { beforeAll, describe, expect, it } from 'vitest';
import { formatReport } from './format-report.ts';
import { type Scenario, scenario } from './test-scenario.ts';
import { verifyBundle } from './verify-bundle.ts';

let s: Scenario;
let lines: string[];
const NOW = 1_767_225_600_000 + 86_400_000;

beforeAll(async () => {
  s = await scenario();
  lines = s.builder.lines();
});

describe('formatReport', () => {
  it('prints what was checked, the counts, the rejections, and VERIFIED last', async () => {
    const text = formatReport(await verifyBundle(lines, s.builder.trust(), { now: NOW }));
    expect(text).toContain('Checks:');
    expect(text).toContain('13: 5 shares, 5 receipts, 1 rejection, 2 directory statements (final serial 2)');
    expect(text).toContain('3 valid from pinned witnesses, 2 required');
    expect(text).toMatch(/entry 6 +SIGNATURE_INVALID +cwtch\.share\.swansea-cs\.wrexham-cs/);
    expect(text).not.toContain('Findings');
    expect(text.trimEnd().split('\n').at(-1)).toBe('VERIFIED');
  });

  it('lists each finding with its entry index and code, and ends with FINDINGS: n', async () => {
    const report = await verifyBundle(
      lines.filter((_, n) => n !== 6),
      s.builder.trust(),
      { now: NOW, receiptGraceMs: 0 },
    );
    const text = formatReport(report);
    expect(text).toMatch(/entry 5 +ENTRY_MISSING +entry 5 is missing/);
    expect(text).toMatch(/entry 7 +RECEIPT_ORPHAN/);
    expect(text).toMatch(/bundle +ROOT_MISMATCH/);
    expect(text.trimEnd().split('\n').at(-1)).toBe(`FINDINGS: ${report.findingCount}`);
    expect(report.findingCount).toBe(5);
  });
});
