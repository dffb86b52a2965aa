import type {
  AcknowledgeResponse,
  InboxItem,
  InboxList,
  OutboxStatus,
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

/** The typed client of a Cwtch connector (DESIGN §9): what an agency's case system uses. */
export interface ConnectorClient {
  /** Sends a notification; resolves once every copy is durably on the bus (202). */
  send(request: SendNotificationRequest): Promise<SendNotificationResponse>;
  inbox(filter?: InboxFilter): Promise<InboxItem[]>;
  get(id: string): Promise<InboxItem>;
  acknowledge(id: string): Promise<AcknowledgeResponse>;
  outbox(id: string): Promise<OutboxStatus>;
  health(): Promise<{ status: string; agency: string; directorySerial: number }>;
}

/**
 * Creates a client for one connector.
 *
 * @example
 * const hillside = createConnectorClient({ baseUrl: 'http://127.0.0.1:7001', token });
 * const { id } = await hillside.send({ kind: 'care-home-transition', payload, recipients: ['swansea-cs'] });
 * const status = await hillside.outbox(id);
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
    async inbox(filter = {}) {
      const q = new URLSearchParams(Object.entries(filter).map(([k, v]): [string, string] => [k, String(v)]));
      return (await call<InboxList>('GET', `/v1/inbox${q.size ? `?${q}` : ''}`)).items;
    },
    get: (messageId) => call('GET', `/v1/inbox/${id(messageId)}`),
    acknowledge: (messageId) => call('POST', `/v1/inbox/${id(messageId)}/acknowledge`),
    outbox: (messageId) => call('GET', `/v1/outbox/${id(messageId)}`),
    health: () => call('GET', '/healthz'),
  };
}
