import type { Finding } from './finding.ts';
import { CHECKS, type Rejection, type VerifyReport } from './report.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const where = (index: number | null) => (index === null ? 'bundle' : `entry ${index}`).padEnd(14);

function findingLine(f: Finding): string {
  return `  ${where(f.index)} ${f.code.padEnd(24)} ${f.message}`;
}

function rejectionLine(r: Rejection): string {
  const claim = [r.id === null ? '' : `id ${r.id}`, r.from === null ? '' : `from ${r.from}`]
    .filter((s) => s !== '')
    .join(', ');
  return `  ${where(r.index)} ${r.reason.padEnd(24)} ${r.subject}${claim === '' ? '' : ` (${claim})`}`;
}

/**
 * A readable text report of a {@link VerifyReport}: what was checked, the counts and roots, the
 * rejected events the log records (information), every finding with its entry index and code,
 * and a last line `VERIFIED` or `FINDINGS: n`.
 *
 * @example
 * ```ts
 * process.stdout.write(formatReport(await verifyBundle(lines, trust)));
 * ```
 */
export function formatReport(report: VerifyReport): string {
  const s = report.summary;
  const out: string[] = ['Cwtch audit bundle verification', ''];
  const checkpoint =
    s.checkpointSize === null
      ? 'not readable'
      : `size ${s.checkpointSize}, root ${s.checkpointRoot ?? '?'} (log signature ${
          s.logSignatureValid ? 'valid' : 'INVALID'
        })`;
  out.push(
    `  log             ${s.origin ?? 'unknown'}`,
    `  checkpoint      ${checkpoint}`,
    `  recomputed root ${s.root ?? 'none'}`,
    `  cosignatures    ${s.cosignatures.valid} valid from pinned witnesses, ${s.cosignatures.required} required`,
    `  entries         ${s.entries}: ${plural(s.shares, 'share')}, ${plural(s.receipts, 'receipt')}, ` +
      `${plural(s.rejections, 'rejection')}, ${plural(s.directoryStatements, 'directory statement')}` +
      (s.directorySerial === null ? '' : ` (final serial ${s.directorySerial})`),
    `  envelopes       ${s.envelopes} retained`,
    `  checked at      ${new Date(report.checkedAt).toISOString()}`,
    '',
    'Checks:',
    ...CHECKS.map((c) => `  - ${c}`),
  );
  if (s.awaitingReceipt > 0) {
    out.push(
      '',
      `${s.awaitingReceipt} share cop${s.awaitingReceipt === 1 ? 'y' : 'ies'} await a receipt from their recipient (information: the recipient has not collected it yet, or it was logged just before the bundle was cut).`,
    );
  }
  if (report.rejections.length > 0) {
    out.push('', `Rejected events recorded by the log (information, ${s.rejections}):`);
    out.push(...report.rejections.map(rejectionLine));
    if (s.rejections > report.rejections.length) {
      out.push(`  ... and ${s.rejections - report.rejections.length} more`);
    }
  }
  if (report.findingCount > 0) {
    out.push('', `Findings (${report.findingCount}):`);
    out.push(...report.findings.map(findingLine));
    for (const [code, count] of Object.entries(report.findingCounts)) {
      const listed = report.findings.filter((f) => f.code === code).length;
      if (count > listed) out.push(`  ... and ${count - listed} more ${code} not listed`);
    }
    out.push(
      '',
      'By code:',
      ...Object.entries(report.findingCounts).map(([c, n]) => `  ${c.padEnd(24)} ${n}`),
    );
  }
  out.push('', report.ok ? 'VERIFIED' : `FINDINGS: ${report.findingCount}`);
  return `${out.join('\n')}\n`;
}
