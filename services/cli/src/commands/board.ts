import { parseArgs } from 'node:util';
import { isMonth } from '@cwtch/runtime';
import { CwtchApiError, createConnectorClient } from '@cwtch/sdk';
import { fetchReaching, UsageError } from '../cli-errors.ts';
import { loadRegion, regionPath } from './region-client.ts';

const HELP = `cwtch board send --month YYYY-MM [--region FILE] [--as AGENCY[,AGENCY]]

  Each agency's connector computes its de-identified figures for the month at its edge (never
  a child's details), withholds counts under 5, and sends them to its safeguarding board as a
  signed board-statistics share. Without --as, every agency of the region that reports to a
  board sends; the board's connector merges them into its sheet (/board, GET /v1/board/sheet).
`;

/** `cwtch board send --month YYYY-MM`: the board's figures on demand (DESIGN §6b, §9). */
export async function boardCommand(args: string[]): Promise<void> {
  const [verb, ...rest] = args;
  if (verb !== 'send' || rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(HELP);
    if (verb !== 'send' && verb !== '--help' && verb !== 'help' && verb !== '-h') process.exitCode = 2;
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      month: { type: 'string' },
      region: { type: 'string' },
      data: { type: 'string' },
      as: { type: 'string' },
    },
  });
  if (!isMonth(values.month)) throw new UsageError('board send needs --month YYYY-MM');
  const file = regionPath(values);
  const region = await loadRegion(file);
  const chosen = values.as ? values.as.split(',').map((s) => s.trim()) : Object.keys(region.agencies);
  let failed = 0;
  for (const agency of chosen) {
    const a = region.agencies[agency];
    if (!a)
      throw new UsageError(
        `no agency "${agency}" in ${file}; the agencies are: ${Object.keys(region.agencies).join(', ')}`,
      );
    const client = createConnectorClient({
      baseUrl: a.connector,
      token: a.tokens.system,
      fetch: fetchReaching(a.connector, `${agency} connector`),
    });
    try {
      const sent = await client.sendBoardStatistics(values.month);
      process.stdout.write(
        `${agency.padEnd(22)} sent ${sent.figures} figures to ${sent.recipients.join(', ')} (${sent.id})\n`,
      );
    } catch (e) {
      // An agency with no agreement to report (the board itself) is skipped unless named.
      if (!values.as && e instanceof CwtchApiError && e.code === 'NO_AGREEMENT') continue;
      failed++;
      process.stdout.write(`${agency.padEnd(22)} not sent: ${(e as Error).message}\n`);
    }
  }
  if (failed > 0) throw new Error(`${failed} agencies did not send their figures`);
}
