import type {
  AcknowledgeResponse,
  InboxItem,
  InboxList,
  OutboxStatus,
  RouteRequest,
  RouteResponse,
  SendNotificationRequest,
  SendNotificationResponse,
} from '@cwtch/contracts';

/** A failed API call: the HTTP status and the service's error code, message and issues. */
export class CwtchApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly { path: readonly (string | number)[]; message: string }[] | undefined;
  constructor(
    status: number,
    code: string,
    message: string,
    issues?: readonly { path: readonly (string | number)[]; message: string }[],
  ) {
    super(`${code}: ${message}`);
    this.name = 'CwtchApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

/** Where a connector is and the bearer token to use. */
export interface ConnectorClientOptions {
  readonly baseUrl: string;
  readonly token: string;
  readonly fetch?: typeof fetch;
}

/** Filters of {@link ConnectorClient.inbox}. */
export interface InboxFilter {
  readonly status?: 'new' | 'acknowledged';
  readonly kind?: string;
  readonly subject?: string;
  readonly limit?: number;
}

/** Options of {@link ConnectorClient.inboxPage}. */
export interface InboxPageOptions extends Omit<InboxFilter, 'limit'> {
  /** A `next` from an earlier page; omitted or empty, the first page. */
  readonly after?: string | undefined;
  readonly limit?: number;
}

/** One page of {@link ConnectorClient.inboxPage}: items oldest first and the cursor after them. */
export interface InboxPage {
  readonly items: InboxItem[];
  readonly next: string;
}

/** A recipient's signed answer to a share: take it on, decline it (why), or say what was done. */
export type RespondRequest =
  | { readonly status: 'accepted' }
  | { readonly status: 'declined'; readonly reason: string; readonly note?: string }
  | { readonly status: 'actioned'; readonly reason: string; readonly note?: string };

/** What `respond` recorded. */
export interface RespondResponse {
  readonly id: string;
  readonly status: 'accepted' | 'declined' | 'actioned';
  readonly reason: string | null;
  readonly at: string;
  readonly by: string;
}

/** One recipient's accepted, declined, actioned or deleted statement (its note opened for the sender only). */
export interface OutboxStatement {
  readonly status: 'accepted' | 'declined' | 'actioned' | 'deleted';
  readonly at: string;
  readonly by: string | null;
  readonly reason: string | null;
  readonly note: string | null;
}

/** A share this agency sent, with every recipient's signed statements and who took it over. */
export interface OutboxShare extends Omit<OutboxStatus, 'recipients'> {
  readonly recipients: readonly (Omit<OutboxStatus['recipients'][number], 'status'> & {
    readonly status:
      | OutboxStatus['recipients'][number]['status']
      | 'accepted'
      | 'declined'
      | 'actioned'
      | 'recalled'
      | 'deleted';
    readonly statements: readonly OutboxStatement[];
    readonly recalledAt: string | null;
    readonly recallReason: string | null;
    /** When the recipient's signed proof of deletion arrived. */
    readonly deletedAt: string | null;
  })[];
  readonly takenOverBy: { readonly agency: string; readonly at: string; readonly by: string | null } | null;
  readonly respondBy: string | null;
  /** A handover: open until a recipient accepts. */
  readonly handover: boolean;
  /** Every escalation step either party took (DESIGN §6a), oldest first. */
  readonly escalations: readonly OutboxEscalation[];
  /** The embargo in force: withheld from subject access reports until its review date. */
  readonly embargo: {
    readonly reason: string;
    readonly owner: string;
    readonly until: string;
    readonly at: string;
  } | null;
}

/** One step of a share's escalation ladder, as the sender's outbox shows it. */
export interface OutboxEscalation {
  readonly by: string;
  readonly to: string;
  readonly step: 'ESCALATION_STEP_1' | 'ESCALATION_STEP_2';
  readonly at: string;
  /** Who was alerted. */
  readonly alerted: string | null;
  /** The recipient's escalation contact from the directory. */
  readonly contact: string | null;
}

/** The typed client of a Cwtch connector (DESIGN §9): what an agency's case system uses. */
export interface ConnectorClient {
  /**
   * Sends a notification; resolves once every copy is durably on the bus (202), with `warnings`
   * naming each recipient that has stopped collecting its inbox (`RECIPIENT_NOT_COLLECTING`).
   */
  send(request: SendNotificationRequest): Promise<SendNotificationResponse>;
  /** Who a send without recipients would go to, and under which agreement: a dry run, nothing sealed. */
  route(request: RouteRequest): Promise<RouteResponse>;
  inbox(filter?: InboxFilter): Promise<InboxItem[]>;
  /**
   * One page of the inbox in the order it was stored, after the cursor `after` (none: from the
   * first). Keep `next` and pass it as `after` for the following page, and at the next sync: a
   * page shorter than `limit` (default 100, at most 5,000) means caught up. Nothing is missed or
   * repeated, however large the inbox.
   *
   * @example
   * let after = savedCursor; // undefined on the first sync
   * for (;;) {
   *   const page = await client.inboxPage({ after, limit: 1000 });
   *   for (const item of page.items) await mirror(item);
   *   after = page.next;
   *   if (page.items.length < 1000) break;
   * }
   */
  inboxPage(options?: InboxPageOptions): Promise<InboxPage>;
  get(id: string): Promise<InboxItem>;
  acknowledge(id: string): Promise<AcknowledgeResponse>;
  outbox(id: string): Promise<OutboxShare>;
  /** The shares this agency sent, newest first, each recipient's latest status. */
  outboxList(options?: { readonly limit?: number }): Promise<OutboxShare[]>;
  /** Accepts, declines (a `DeclineReason`) or actions (an `ActionOutcome`) a notification in the inbox. */
  respond(id: string, request: RespondRequest): Promise<RespondResponse>;
  /** Recalls a share this agency sent (a `RecallReason`); proofs of deletion follow in the outbox. */
  recall(
    id: string,
    request: { readonly reason: string; readonly note?: string },
  ): Promise<{ id: string; recipients: string[]; recalledAt: string }>;
  /**
   * Withholds a share this agency sent from subject access reports until `reviewBy` (YYYY-MM-DD,
   * an `EmbargoReason`, the `owner` responsible); a date today or earlier lifts the embargo.
   */
  embargo(
    id: string,
    request: { readonly reason: string; readonly owner: string; readonly reviewBy: string },
  ): Promise<{ id: string; recipients: string[]; until: string; inForce: boolean }>;
  health(): Promise<{ status: string; agency: string; directorySerial: number }>;
  /** Computes this agency's de-identified figures for a month at its edge and sends them to its board. */
  sendBoardStatistics(
    month: string,
  ): Promise<{ id: string; recipients: string[]; month: string; figures: number }>;
  /** On a board's connector: the month's merged sheet, the log's figures and the reconciliation. */
  boardSheet(month: string): Promise<BoardSheetResponse>;
}

/** A cell of the board's sheet: published sum, withheld parts, and the text shown ("<5", "12+"). */
export interface BoardSheetCell {
  readonly value: number;
  readonly withheld: number;
  readonly parts: number;
  readonly text: string;
}

/** `GET /v1/board/sheet` (DESIGN §9). */
export interface BoardSheetResponse {
  readonly month: string;
  readonly columns: readonly { readonly key: string; readonly name: string }[];
  readonly rows: readonly {
    readonly item: string;
    readonly by: string | null;
    readonly unit: 'children' | 'count';
    readonly label: { readonly en: string; readonly cy: string };
    readonly cells: Readonly<Record<string, BoardSheetCell>>;
  }[];
  readonly reporters: readonly {
    readonly agency: string;
    readonly id: string;
    readonly generatedAt: string;
  }[];
  readonly missing: readonly string[];
  readonly log: { readonly generatedAt: string; readonly logSize: number } | null;
  readonly reconciliation: {
    readonly available: boolean;
    readonly lines: readonly {
      readonly agency: string;
      readonly kind: string | null;
      readonly reported: number | null;
      readonly withheld?: 'primary' | 'secondary';
      readonly logged: number;
      readonly outcome: 'agrees' | 'agrees-under-5' | 'unchecked' | 'differs' | 'not-reported';
    }[];
  };
}

/**
 * Creates a client for one connector.
 *
 * @example
 * const hillside = createConnectorClient({ baseUrl: 'http://127.0.0.1:7001', token });
 * const { id } = await hillside.send({ kind: 'care-home-transition', payload, recipients: ['swansea-cs'] });
 * const status = await hillside.outbox(id);
 * await swansea.respond(id, { status: 'declined', reason: 'NOT_OUR_AREA', note: 'Now with Wrexham' });
 * await hillside.recall(id, { reason: 'MISDIRECTED' });
 * await hillside.embargo(id, { reason: 'CRIMINAL_INVESTIGATION', owner: 'DS Rhys Morgan', reviewBy: '2026-09-01' });
 */
export function createConnectorClient(options: ConnectorClientOptions): ConnectorClient {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/$/, '');
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await doFetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok) {
      const e = (json as { error?: { code?: string; message?: string; issues?: [] } } | undefined)?.error;
      throw new CwtchApiError(
        res.status,
        e?.code ?? `HTTP_${res.status}`,
        e?.message ?? res.statusText,
        e?.issues,
      );
    }
    return json as T;
  }
  const id = (v: string) => encodeURIComponent(v);
  return {
    send: (request) => call('POST', '/v1/notifications', request),
    route: (request) => call('POST', '/v1/notifications/route', request),
    async inbox(filter = {}) {
      const q = new URLSearchParams(Object.entries(filter).map(([k, v]): [string, string] => [k, String(v)]));
      return (await call<InboxList>('GET', `/v1/inbox${q.size ? `?${q}` : ''}`)).items;
    },
    async inboxPage(options = {}) {
      const q = new URLSearchParams(
        Object.entries({ ...options, after: options.after ?? '' })
          .filter(([, v]) => v !== undefined)
          .map(([k, v]): [string, string] => [k, String(v)]),
      );
      const page = await call<InboxList>('GET', `/v1/inbox?${q}`);
      return { items: page.items, next: page.next ?? options.after ?? '' };
    },
    get: (messageId) => call('GET', `/v1/inbox/${id(messageId)}`),
    acknowledge: (messageId) => call('POST', `/v1/inbox/${id(messageId)}/acknowledge`),
    outbox: (messageId) => call('GET', `/v1/outbox/${id(messageId)}`),
    async outboxList(options = {}) {
      const q = options.limit === undefined ? '' : `?limit=${options.limit}`;
      return (await call<{ items: OutboxShare[] }>('GET', `/v1/outbox${q}`)).items;
    },
    respond: (messageId, request) => call('POST', `/v1/inbox/${id(messageId)}/respond`, request),
    recall: (messageId, request) => call('POST', `/v1/outbox/${id(messageId)}/recall`, request),
    embargo: (messageId, request) => call('POST', `/v1/outbox/${id(messageId)}/embargo`, request),
    health: () => call('GET', '/healthz'),
    sendBoardStatistics: (month) => call('POST', '/v1/board/statistics', { month }),
    boardSheet: (month) => call('GET', `/v1/board/sheet?month=${encodeURIComponent(month)}`),
  };
}
