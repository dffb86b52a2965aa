import { isValidNhsNumber, normaliseNhsNumber } from '@cwtch/contracts';
import { subjectReference } from '@cwtch/crypto';
import {
  identityKey,
  type PageFallbacks,
  type Principal,
  parseStrictJson,
  Role,
  rateLimit,
  requireRole,
  strictBody,
  type TokenVerifier,
  toErrorResponse,
} from '@cwtch/http';
import { CwtchError, ErrorCode, type Logger, type MetricFamily } from '@cwtch/runtime';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import type { AuditLogWriter } from './audit-log-writer.ts';
import type { Checkpointer } from './checkpointer.ts';
import { FiguresRequest } from './log-figures.ts';
import { renderAuditMetrics } from './metrics.ts';
import type { SilenceWatch } from './pages/collection-panel.ts';
import { type AuditPagesOptions, mountAuditPages } from './pages/mount-audit-pages.ts';
import { type IndexedShare, SHARE_STATUS_FILTERS, type ShareIndex } from './share-index.ts';
import { type SubjectAccessReport, SubjectAccessRequest, subjectAccessReport } from './subject-access.ts';

type Env = { Variables: { principal: Principal } };

/** What the auditor API needs. */
export interface AuditAppDeps {
  readonly writer: AuditLogWriter;
  readonly index: ShareIndex;
  readonly subjectKey: Uint8Array;
  readonly logKey: { readonly origin: string; readonly secretKey: Uint8Array };
  readonly verifyToken: TokenVerifier;
  readonly logger: Logger;
  readonly rateLimit: { readonly capacity: number; readonly refillPerSecond: number };
  readonly checkpoints: Checkpointer;
  /** Cosignatures a checkpoint needs before it goes into an evidence bundle. */
  readonly exportQuorum: number;
  /** Sign-in and sessions for the auditor console (DESIGN §9: `/`); no pages without it. */
  readonly pages?: AuditPagesOptions | undefined;
  /** Metrics only the bus knows (index lag, backlog), for `GET /metrics`. */
  readonly busMetrics?: (() => Promise<readonly MetricFamily[]>) | undefined;
  /** Agencies not collecting their inbox and expected feeds not arriving, for `GET /healthz`. */
  readonly silence?: SilenceWatch | undefined;
}

const SharesQuery = z.strictObject({
  subject: z.string().max(64).optional(),
  agency: z.string().max(64).optional(),
  kind: z.string().max(64).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(SHARE_STATUS_FILTERS).optional(),
  /** The newest this many matching shares (default 1,000). */
  limit: z.coerce.number().int().min(1).max(100_000).default(1000),
});

const iso = (ms: number) => new Date(ms).toISOString();

function shareView(s: IndexedShare) {
  return {
    id: s.id,
    kind: s.kind,
    from: s.from,
    to: s.to,
    subject: s.subject,
    issuedAt: iso(s.issuedAt),
    loggedAt: iso(s.copies[0]?.loggedAt ?? 0),
    purpose: s.purpose,
    agreement: s.agreement,
    lawfulBasis: s.basis,
    priority: s.priority,
    respondBy: s.respondBy === null ? null : iso(s.respondBy),
    headerHash: s.headerHash,
    bodyHash: s.bodyHash,
    keys: s.keys,
    copies: s.copies.map((c) => ({ to: c.to, index: c.index, loggedAt: iso(c.loggedAt) })),
    receipts: s.receipts.map((r) => ({
      ...r,
      at: iso(r.at),
      ...(r.until === undefined ? {} : { until: iso(r.until) }),
      loggedAt: iso(r.loggedAt),
    })),
  };
}

/** A subject access report as `POST /v1/subject-access` answers it (times as ISO strings). */
export function subjectAccessView(r: SubjectAccessReport) {
  return {
    subject: r.subject,
    generatedAt: iso(r.generatedAt),
    entries: r.entries.map((e) => ({ ...e, loggedAt: iso(e.loggedAt) })),
    withheld: r.withheldUntil === null ? null : { until: iso(r.withheldUntil) },
  };
}

/**
 * Turns an auditor's `subject` into a subject reference: an NHS number (any spacing) is keyed
 * with the region's subject key here, inside the service, and never logged.
 */
export function subjectRefOf(subject: string, key: Uint8Array): string {
  const digits = subject.replace(/[\s-]/g, '');
  if (/^\d{10}$/.test(digits)) {
    const nhs = isValidNhsNumber(digits) ? normaliseNhsNumber(digits) : null;
    if (nhs === null) throw new CwtchError(ErrorCode.BAD_REQUEST, 'that is not a valid NHS number');
    return subjectReference(key, { type: 'nhs', value: nhs });
  }
  return subject;
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const nonNegative = z.coerce.number().int().nonnegative();

/** The auditor API of DESIGN §9 (auditor role only; no payload is ever available here). */
export function createAuditApp(deps: AuditAppDeps) {
  const app = new Hono<Env>();
  let forBrowsers: PageFallbacks | undefined;
  app.onError((e, c) => {
    const { status, body } = toErrorResponse(e);
    if (status >= 500) deps.logger.error({ err: e }, 'request failed');
    // A person's browser gets an HTML page in the console's language; API clients keep JSON.
    return forBrowsers?.error(c, e) ?? c.json(body, status as 400);
  });
  app.notFound(
    (c) =>
      forBrowsers?.notFound(c) ??
      c.json({ error: { code: ErrorCode.NOT_FOUND, message: 'no such route' } }, 404),
  );
  app.use('*', secureHeaders());
  // The operator's health view: the log, and the agencies and feeds that have gone quiet.
  app.get('/healthz', (c) => {
    const now = Date.now();
    return c.json({
      status: 'ok',
      size: deps.writer.tree.size,
      silent: deps.silence?.collection.silent(now) ?? [],
      lateFeeds: (deps.silence?.feeds.late(now) ?? []).map((f) => ({
        agency: f.agency,
        kind: f.kind,
        everyHours: f.everyHours,
        lastAt: f.lastAt === null ? null : iso(f.lastAt),
      })),
    });
  });
  app.get('/metrics', async (c) => {
    // The log's health for anyone; rejections and bus figures only with an auditor's token.
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) requireRole(await deps.verifyToken(authorization), [Role.auditor]);
    const text = await renderAuditMetrics(
      { ...deps, bus: deps.busMetrics },
      { full: authorization !== undefined },
    );
    return c.text(text, 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });
  if (deps.pages)
    forBrowsers = mountAuditPages(
      app,
      { ...deps, subjectRef: (s) => subjectRefOf(s, deps.subjectKey) },
      deps.pages,
    );
  app.use('/v1/*', async (c, next) => {
    // An auditor's console session stands in for the token on the export link (set by the pages).
    const principal =
      (c.var.principal as Principal | undefined) ?? (await deps.verifyToken(c.req.header('authorization')));
    requireRole(principal, [Role.auditor]);
    c.set('principal', principal);
    await next();
  });
  // Keyed by who the verified token speaks for, never by the token string.
  app.use('/v1/*', rateLimit<Env>({ ...deps.rateLimit, keyOf: (c) => identityKey(c.get('principal')) }));
  // Every body is read as strict UTF-8 text: no U+FFFD stands in for bad bytes, no lone surrogate.
  app.use('/v1/*', strictBody());

  const parseQuery = <S extends z.ZodType>(schema: S, query: Record<string, string>): z.output<S> => {
    const r = schema.safeParse(query);
    if (!r.success) {
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'invalid query', {
        issues: r.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
      });
    }
    return r.data;
  };

  app.get('/v1/shares', (c) => {
    const q = parseQuery(SharesQuery, c.req.query());
    const items = deps.index.query(
      {
        subject: q.subject ? subjectRefOf(q.subject, deps.subjectKey) : undefined,
        agency: q.agency,
        kind: q.kind,
        since: q.since ? Date.parse(q.since) : undefined,
        until: q.until ? Date.parse(q.until) : undefined,
        status: q.status,
      },
      q.limit,
    );
    return c.json({ size: deps.writer.tree.size, items: items.map(shareView) });
  });

  app.get('/v1/shares/:id', (c) => {
    const s = deps.index.get(c.req.param('id'));
    if (!s) throw new CwtchError(ErrorCode.NOT_FOUND, 'no such share in the log');
    return c.json(shareView(s));
  });

  // The subject travels in the body, never the URL, so no access log or history holds an NHS number.
  app.post('/v1/subject-access', async (c) => {
    const body = SubjectAccessRequest.safeParse(parseStrictJson(new Uint8Array(await c.req.arrayBuffer())));
    if (!body.success)
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'send {"subject": NHS number or subject reference}');
    const subject = subjectRefOf(body.data.subject, deps.subjectKey);
    return c.json(subjectAccessView(subjectAccessReport(deps.index, subject, Date.now())));
  });

  app.get('/v1/entries/:index', async (c) => {
    const { index } = parseQuery(z.object({ index: nonNegative }), { index: c.req.param('index') });
    if (index >= deps.writer.tree.size)
      throw new CwtchError(ErrorCode.NOT_FOUND, 'no entry at that index yet');
    const bytes = await deps.writer.entryBytes(index);
    return c.json({
      index,
      entry: JSON.parse(new TextDecoder().decode(bytes)),
      bytes: Buffer.from(bytes).toString('base64'),
    });
  });

  app.get('/v1/rejections', (c) =>
    c.json({ items: deps.index.rejections().map((r) => ({ ...r, loggedAt: iso(r.loggedAt) })) }),
  );

  // What the log knows about each agency in a calendar month, from metadata alone (DESIGN §6b).
  app.get('/v1/figures', (c) => {
    const { month } = parseQuery(FiguresRequest, c.req.query());
    return c.json(deps.index.figures(month, { now: Date.now(), logSize: deps.writer.tree.size }));
  });

  app.get('/v1/checkpoint', async (c) => {
    await deps.checkpoints.tick(true);
    const cp = deps.checkpoints.latest;
    if (!cp) throw new CwtchError(ErrorCode.NOT_FOUND, 'the log is empty: nothing to sign yet');
    return c.text(deps.checkpoints.noteOf(cp), 200, { 'content-type': 'text/plain; charset=utf-8' });
  });

  app.get('/v1/export', (c) => {
    const { quorum, envelopes } = parseQuery(
      z.object({
        quorum: nonNegative.default(deps.exportQuorum),
        envelopes: z.enum(['0', '1']).default('1'),
      }),
      c.req.query(),
    );
    const cp = deps.checkpoints.latestWithQuorum(quorum);
    if (!cp)
      throw new CwtchError(
        ErrorCode.CONFLICT,
        `no checkpoint has ${quorum} cosignatures yet; try again shortly`,
      );
    c.header('content-type', 'application/x-ndjson; charset=utf-8');
    c.header('content-disposition', `attachment; filename="cwtch-audit-${cp.size}.jsonl"`);
    return stream(c, async (out) => {
      const header = {
        typ: 'cwtch.audit.bundle.v1',
        origin: deps.logKey.origin,
        size: cp.size,
        exportedAt: Date.now(),
        checkpoint: deps.checkpoints.noteOf(cp),
      };
      await out.write(`${JSON.stringify(header)}\n`);
      const sources: number[] = [];
      for await (const { index, bytes } of deps.writer.entries(0, cp.size)) {
        await out.write(`${JSON.stringify({ i: index, e: Buffer.from(bytes).toString('base64') })}\n`);
        if (envelopes === '1') {
          const entry = JSON.parse(new TextDecoder().decode(bytes)) as { t: string; src?: { seq: number } };
          if (entry.t === 'msg' && entry.src) sources.push(entry.src.seq);
        }
      }
      for (const seq of sources) {
        const bytes = await deps.writer.envelope(seq);
        if (bytes)
          await out.write(
            `${JSON.stringify({ envelope: { seq, b: Buffer.from(bytes).toString('base64') } })}\n`,
          );
      }
    });
  });

  app.get('/v1/proof/inclusion', (c) => {
    const { index, size } = parseQuery(z.object({ index: nonNegative, size: nonNegative }), c.req.query());
    if (size > deps.writer.tree.size || index >= size)
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'index must be below size, size at most the log size');
    return c.json({ index, size, hashes: deps.writer.tree.inclusionProof(index, size).map(b64) });
  });

  app.get('/v1/proof/consistency', (c) => {
    const { from, to } = parseQuery(z.object({ from: nonNegative, to: nonNegative }), c.req.query());
    if (to > deps.writer.tree.size || from > to)
      throw new CwtchError(ErrorCode.BAD_REQUEST, 'need from <= to <= log size');
    return c.json({ from, to, hashes: deps.writer.tree.consistencyProof(from, to).map(b64) });
  });
  return app;
}
