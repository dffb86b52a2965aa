import { createRequire } from 'node:module';
import {
  createPageApp,
  type ErrorPageRender,
  type PageAuth,
  type PageFallbacks,
  pageFallbacks,
  pageShell,
  Role,
  requestLang,
} from '@cwtch/http';
import type { Logger } from '@cwtch/runtime';
import type { Env, Hono } from 'hono';
import type { Checkpointer, WitnessKey } from '../checkpointer.ts';
import type { ShareIndex } from '../share-index.ts';
import { AUDIT_SERVICE_NAME } from './audit-page.ts';
import type { AuditAgency } from './audit-words.ts';
import { checkpointRoutes } from './checkpoint-panel.ts';
import type { SilenceWatch } from './collection-panel.ts';
import { searchPage } from './search-page.ts';
import { sharePage } from './share-page.ts';
import { subjectAccessPage } from './subject-access-page.ts';
import { publicKeyOfSeed } from './verify-latest-checkpoint.ts';

/** What `main.ts` hands the auditor console besides the API's own dependencies. */
export interface AuditPagesOptions {
  readonly auth: PageAuth;
  /** The witness keys this service pins (the same the checkpointer trusts). */
  readonly witnesses: readonly WitnessKey[];
  /** Agencies of the signed directory, for the search filter. */
  readonly agencies: () => readonly AuditAgency[];
}

/** The parts of the audit API's dependencies the pages use. */
export interface AuditPagesDeps {
  readonly index: ShareIndex;
  readonly checkpoints: Checkpointer;
  readonly logKey: { readonly origin: string; readonly secretKey: Uint8Array };
  readonly exportQuorum: number;
  readonly logger: Logger;
  readonly rateLimit: { readonly capacity: number; readonly refillPerSecond: number };
  /** NHS number or subject reference → subject reference (the API's own resolver). */
  readonly subjectRef: (subject: string) => string;
  /** Agencies not collecting their inbox and late feeds, for the console's front page. */
  readonly silence?: SilenceWatch | undefined;
}

const PAGE_PATHS = ['/', '/search', '/shares/*', '/checkpoint/*', '/subject-access'];
const require = createRequire(import.meta.url);

/**
 * Mounts the auditor console (DESIGN §9: audit service `/`): search, share timelines, subject
 * access reports, the latest checkpoint with a server-side verify, and the evidence bundle
 * download (`/v1/export` takes the auditor's session cookie as well as a bearer token).
 * Auditors only; no payload exists here to show.
 */
export function mountAuditPages<E extends Env>(
  app: Hono<E>,
  deps: AuditPagesDeps,
  options: AuditPagesOptions,
): PageFallbacks {
  const { auth } = options;
  const render: ErrorPageRender = (c, title, body) =>
    pageShell({ title, service: AUDIT_SERVICE_NAME, lang: requestLang(c), body });
  const pages = createPageApp({
    auth,
    logger: deps.logger,
    rateLimit: deps.rateLimit,
    maxBodyBytes: 64 * 1024,
    pagePaths: PAGE_PATHS,
    assets: { 'htmx.min.js': require.resolve('htmx.org/dist/htmx.min.js') },
    render,
  });
  // The export link: an auditor's session stands in for the bearer token (GET only, SameSite=Strict).
  pages.use('/v1/export', async (c, next) => {
    const principal = c.req.header('authorization') === undefined ? auth.signedIn(c) : undefined;
    if (principal?.roles.includes(Role.auditor)) c.set('principal', principal);
    await next();
  });
  const trust = {
    checkpoints: deps.checkpoints,
    origin: deps.logKey.origin,
    logKey: publicKeyOfSeed(deps.logKey.secretKey),
    witnesses: options.witnesses,
    quorum: deps.exportQuorum,
  };
  searchPage(pages, {
    index: deps.index,
    subjectRef: deps.subjectRef,
    agencies: options.agencies,
    trust,
    silence: deps.silence,
  });
  sharePage(pages, deps.index, options.agencies);
  subjectAccessPage(pages, { index: deps.index, subjectRef: deps.subjectRef, agencies: options.agencies });
  checkpointRoutes(pages, trust);
  app.route('/', pages as unknown as Hono<E>);
  return pageFallbacks(render);
}
