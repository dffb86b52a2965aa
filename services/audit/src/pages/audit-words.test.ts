import type { PageEnv, Principal } from '@cwtch/http';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { Checkpointer } from '../checkpointer.ts';
import type { IndexedShare, ShareIndex } from '../share-index.ts';
import { checkpointRoutes } from './checkpoint-panel.ts';
import { forHowLong } from './collection-panel.ts';
import { searchPage } from './search-page.ts';
import { sharePage } from './share-page.ts';
import { subjectAccessPage } from './subject-access-page.ts';

const ID = 'AAAAAAAAAAAAAAAAAAAAAA';
const at = Date.parse('2026-03-02T10:15:00Z');
const share: IndexedShare = {
  id: ID,
  kind: 'missing-episode',
  from: 'south-wales-police',
  to: ['swansea-cs'],
  subject: 'subject-ref',
  issuedAt: at,
  purpose: 'safeguarding',
  agreement: 'wales-missing-2026',
  basis: 'public-task',
  priority: 'urgent',
  respondBy: at + 3_600_000,
  headerHash: 'h',
  bodyHash: 'b',
  keys: { from: 'swp-sign-1', to: [{ agency: 'swansea-cs', kid: 'swansea-enc-1' }] },
  copies: [{ to: 'swansea-cs', index: 7, loggedAt: at + 1000 }],
  receipts: [
    {
      agency: 'swansea-cs',
      to: 'south-wales-police',
      status: 'acknowledged',
      at: at + 60_000,
      actor: 'Siân Hughes',
      reason: null,
      index: 8,
      loggedAt: at + 61_000,
    },
  ],
  statements: [],
};
const agencies = [
  { id: 'south-wales-police', name: 'South Wales Police', nameCy: 'Heddlu De Cymru' },
  { id: 'swansea-cs', name: 'Swansea Children’s Services' },
];

/** The console's pages on an app, signed in as an auditor (the sign-in itself is tested in @cwtch/http). */
function consoleApp(): Hono<PageEnv> {
  const principal: Principal = {
    subject: 'audit/anna',
    agency: 'audit',
    roles: ['auditor'],
    name: 'Anna Baker',
  };
  const index = { query: () => [share], get: (id: string) => (id === ID ? share : undefined) };
  const checkpoints = {
    latest: { size: 9, root: new Uint8Array(32), signedAt: at, cosignatures: new Map() },
    latestWithQuorum: () => undefined,
  };
  const trust = {
    checkpoints: checkpoints as unknown as Checkpointer,
    origin: 'cwtch.example/audit/v1',
    logKey: new Uint8Array(32),
    witnesses: [],
    quorum: 1,
  };
  const pages = new Hono<PageEnv>();
  pages.use('*', async (c, next) => {
    c.set('principal', principal);
    c.set('session', { principal, via: 'cookie', csrf: 'token' });
    await next();
  });
  searchPage(pages, {
    index: index as unknown as ShareIndex,
    subjectRef: (s) => s,
    agencies: () => agencies,
    trust,
  });
  sharePage(pages, index as unknown as ShareIndex, () => agencies);
  subjectAccessPage(pages, {
    index: index as unknown as ShareIndex,
    subjectRef: (s) => s,
    agencies: () => agencies,
  });
  checkpointRoutes(pages, trust);
  return pages;
}

describe('the auditor console in Welsh', () => {
  const app = consoleApp();

  it('?lang=cy gives the search page Welsh headings, labels, options, captions and dates', async () => {
    const res = await app.request('/?lang=cy');
    expect(res.headers.get('set-cookie')).toContain('cwtch_lang=cy');
    const text = await res.text();
    expect(text).toContain('<html lang="cy">');
    expect(text).toContain('<h1>Log rhannu</h1>');
    expect(text).toContain('<h2 id="results-heading">Rhannu</h2>');
    for (const label of ['Asiantaeth', 'Math', 'O (dyddiad)', 'I (dyddiad)', 'Statws'])
      expect(text).toContain(`>${label}</label>`);
    expect(text).toContain('<option value="">Unrhyw</option>');
    expect(text).toContain('<option value="south-wales-police">Heddlu De Cymru</option>');
    expect(text).toContain('<option value="missing-episode">Achos o fynd ar goll</option>');
    expect(text).toContain('<option value="unacknowledged">heb ei gydnabod</option>');
    expect(text).toContain('<button type="submit" id="search">Chwilio</button>');
    expect(text).toContain('<caption>Y 25 rhannu mwyaf diweddar</caption>');
    expect(text).toContain('<th scope="col">Cofnodwyd</th>');
    expect(text).toContain('<th scope="col">Blaenoriaeth</th>');
    // A Welsh agency name where the directory has one, the id where it has none.
    expect(text).toContain('<td>Heddlu De Cymru</td>');
    expect(text).toContain('swansea-cs: <span class="status-acknowledged">cydnabuwyd</span>');
    expect(text).toContain('<td>brys</td>');
    expect(text).toContain('>2 Maw 2026, 10:15:00</time>');
    expect(text).toContain('<h2 id="checkpoint-heading">Pwynt gwirio diweddaraf</h2>');
    expect(text).toContain('<button type="submit" id="verify">Gwirio llofnodion</button>');
    expect(text).not.toMatch(/>(Share log|Agency|Kind|Status|Any|Logged|Search)</);
  });

  it('remembers the choice: a search posted with the language cookie answers in Welsh', async () => {
    const res = await app.request('/search', {
      method: 'POST',
      headers: { cookie: 'cwtch_lang=cy', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ kind: 'missing-episode' }),
    });
    const text = await res.text();
    expect(text).toContain('<html lang="cy">');
    expect(text).toContain('<caption>1 rhannu wedi’u canfod</caption>');
  });

  it('gives a share’s timeline Welsh field labels, event words and details; data-event keeps the code', async () => {
    const text = await (await app.request(`/shares/${ID}?lang=cy`)).text();
    expect(text).toContain('<html lang="cy">');
    expect(text).toContain('<h2>Llinell amser</h2>');
    for (const label of ['Math', 'Oddi wrth', 'Diben', 'Cytundeb rhannu', 'Blaenoriaeth', 'Ymateb erbyn'])
      expect(text).toContain(`<dt>${label}</dt>`);
    expect(text).toContain('<dd>Achos o fynd ar goll</dd>');
    expect(text).toMatch(
      /<li data-event="sent">.*<strong class="event">anfonwyd<\/strong> gan <strong>Heddlu De Cymru<\/strong>, wedi’i lofnodi â’r allwedd/,
    );
    expect(text).toMatch(
      /<li data-event="logged">.*<strong class="event">cofnodwyd<\/strong> copi i <strong>swansea-cs<\/strong>/,
    );
    expect(text).toContain('<strong class="event">cydnabuwyd</strong> gan <strong>swansea-cs</strong>');
    expect(text).toContain('derbynneb wedi’i llofnodi');
    expect(text).toContain('(cofnod yn y log 8)');
  });

  it('gives the subject access form Welsh labels, with the report in Welsh chosen', async () => {
    const text = await (await app.request('/subject-access?lang=cy')).text();
    expect(text).toContain('<html lang="cy">');
    expect(text).toContain('<h1>Adroddiad mynediad gwrthrych</h1>');
    expect(text).toContain('<label for="sa-subject">Rhif GIG neu gyfeirnod y gwrthrych</label>');
    expect(text).toContain('<option value="cy" lang="cy" selected>Cymraeg</option>');
    expect(text).toContain('<button type="submit" id="produce">Cynhyrchu’r adroddiad</button>');
  });

  it('keeps the English pages as they were', async () => {
    const search = await (await app.request('/?lang=en')).text();
    expect(search).toContain('<html lang="en">');
    expect(search).toContain('<h1>Share log</h1>');
    expect(search).toContain('<caption>The 25 newest shares</caption>');
    expect(search).toContain('swansea-cs: <span class="status-acknowledged">acknowledged</span>');
    expect(search).toContain('<td>missing-episode</td><td>south-wales-police</td>');
    const timeline = await (await app.request(`/shares/${ID}?lang=en`)).text();
    expect(timeline).toContain(
      '<strong class="event">sent</strong> by <strong>south-wales-police</strong>, signed with key',
    );
    expect(timeline).toContain('<strong class="event">logged</strong> copy for <strong>swansea-cs</strong>');
    expect(timeline).toContain('(log entry 8)');
  });

  it('says how long in Welsh', () => {
    expect(forHowLong(3 * 86_400_000, 'cy')).toBe('3 diwrnod');
    expect(forHowLong(3 * 86_400_000)).toBe('3 days');
    expect(forHowLong(90_000, 'cy')).toBe('90 eiliad');
  });
});
