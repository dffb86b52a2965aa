import { ApiError, BOARD_ITEM_LABELS, type BoardItem } from '@cwtch/contracts';
import { type Principal, Role, requireRole } from '@cwtch/http';
import { CwtchError, ErrorCode, isMonth, monthOf } from '@cwtch/runtime';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AgencyContext } from '../agency-context.ts';
import { type BoardSheet, boardSheet, cellText, reconcile, sheetCsv } from './board-sheet.ts';
import { breakdownLabel } from './breakdown-labels.ts';
import { sendBoardStatistics } from './send-board-statistics.ts';

type Env = { Variables: { principal: Principal } };

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');
const json = <S extends z.ZodType>(schema: S, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** A row's label in English: the item, and its breakdown value when it has one. */
export function rowLabel(item: BoardItem, by: string | null, lang: 'en' | 'cy' = 'en'): string {
  const head = BOARD_ITEM_LABELS[item]?.[lang] ?? item;
  return by === null ? head : `${head}: ${breakdownLabel(item, by, lang)}`;
}

/** True when this connector is a safeguarding board's (it merges the figures it receives). */
export function isBoard(ctx: AgencyContext): boolean {
  return ctx.directory.view.agency(ctx.agency)?.type === 'safeguarding-board';
}

/** The sheet, the log's figures and the reconciliation for a month, as the API and the page show them. */
export async function boardView(ctx: AgencyContext, month: string) {
  const sheet = boardSheet(ctx, month);
  const log = (await ctx.logFigures?.(month)) ?? null;
  return { sheet, log, reconciliation: reconcile(sheet, log) };
}

function sheetJson(sheet: BoardSheet, view: Awaited<ReturnType<typeof boardView>>) {
  return {
    month: sheet.month,
    columns: sheet.columns,
    rows: sheet.rows.map((r) => ({
      item: r.item,
      by: r.by,
      unit: r.unit,
      label: { en: rowLabel(r.item, r.by, 'en'), cy: rowLabel(r.item, r.by, 'cy') },
      cells: Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, { ...c, text: cellText(c) }])),
    })),
    reporters: sheet.reporters.map(({ agency, id, generatedAt }) => ({ agency, id, generatedAt })),
    missing: sheet.missing,
    log: view.log ? { generatedAt: view.log.generatedAt, logSize: view.log.logSize } : null,
    reconciliation: view.reconciliation,
  };
}

/**
 * The board's figures (DESIGN §6b, §9): `POST /v1/board/statistics {month}` computes this
 * agency's figures at its edge and sends them to its board; on a board's connector,
 * `GET /v1/board/sheet?month=YYYY-MM` merges every agency's latest figures into the sheet (JSON,
 * or CSV with `Accept: text/csv`) with the share log's reconciliation.
 */
export function boardRoutes(app: OpenAPIHono<Env>, ctx: AgencyContext): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/board/statistics',
      summary: "Send this agency's de-identified figures for a month to its board",
      security: [{ bearer: [] }],
      request: {
        body: {
          content: { 'application/json': { schema: z.strictObject({ month: Month }) } },
          required: true,
        },
      },
      responses: {
        202: json(
          z.object({
            id: z.string(),
            recipients: z.array(z.string()),
            month: z.string(),
            figures: z.number(),
          }),
          'Sealed and stored on the bus for the board',
        ),
        400: json(ApiError, 'Not a month, or one not yet begun'),
        403: json(ApiError, 'No agreement lets this agency report to a board'),
      },
    }),
    async (c) => {
      requireRole(c.get('principal'), [Role.system, Role.manager]);
      return c.json(await sendBoardStatistics(ctx, c.req.valid('json').month), 202);
    },
  );

  app.get('/v1/board/sheet', async (c) => {
    requireRole(c.get('principal'), [Role.system, Role.frontdoor, Role.manager]);
    if (!isBoard(ctx))
      throw new CwtchError(ErrorCode.NOT_FOUND, "this connector is not a safeguarding board's");
    const month = c.req.query('month') ?? monthOf(Date.now());
    if (!isMonth(month)) throw new CwtchError(ErrorCode.BAD_REQUEST, 'month must be YYYY-MM');
    const view = await boardView(ctx, month);
    if ((c.req.header('accept') ?? '').includes('text/csv')) {
      return c.body(
        sheetCsv(view.sheet, (item, by) => rowLabel(item, by)),
        200,
        {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="board-sheet-${month}.csv"`,
        },
      );
    }
    return c.json(sheetJson(view.sheet, view));
  });
}
