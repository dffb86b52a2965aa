import { type KindName, kinds } from '@cwtch/contracts';
import { describe, expect, it } from 'vitest';
import { clientOf } from '../attack/support.ts';
import { eventually, example, useRegion } from '../support/region.ts';

const region = useRegion();

/** The kinds the boards still passed by e-mail and fax, who sends each, and whom the demo routes name. */
const NEW_KINDS: readonly (readonly [KindName, string, readonly string[], { en: string; cy: string }])[] = [
  [
    'return-home-interview',
    'barnardos-cymru',
    // Routed from the child's area (Swansea): its front door, police and health board.
    ['south-wales-police', 'swansea-bay-health', 'swansea-cs'],
    { en: 'Police officer, not in uniform', cy: 'Swyddog heddlu, heb wisg' },
  ],
  [
    'care-home-registration',
    'hillside',
    ['south-wales-police', 'swansea-bay-health', 'swansea-cs'],
    { en: 'Children at risk of exploitation', cy: "Plant sy'n wynebu risg o gamfanteisio" },
  ],
  [
    'nrm-referral',
    'swansea-cs',
    ['barnardos-cymru', 'south-wales-police'],
    { en: 'Positive reasonable grounds decision', cy: 'Penderfyniad seiliau rhesymol cadarnhaol' },
  ],
  [
    'abduction-warning-notice',
    'south-wales-police',
    ['hillside', 'swansea-cs'],
    {
      en: 'Child under 16 (Child Abduction Act 1984, s2)',
      cy: 'Plentyn dan 16 (Deddf Cipio Plant 1984, a2)',
    },
  ],
];

/** What a reader sees of a page: the text between tags, attributes (and codes kept in them) left out. */
const visibleText = (markup: string) =>
  markup
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** The kind's code values (every one is labelled) that read as codes (snake_case or kebab-case). */
function rawCodes(kind: KindName): string[] {
  const all = Object.values(kinds[kind].labels).flatMap((label) => Object.keys(label.values ?? {}));
  return [...new Set(all)].filter((c) => /_|^[a-z]+(-[a-z]+)+$/.test(c));
}

/** The notification page `/inbox/{id}` of `agency` in `lang`, read with its front door's token. */
async function detailPage(agency: string, id: string, lang: 'en' | 'cy'): Promise<string> {
  const a = region().region.agencies[agency]!;
  const res = await fetch(`${a.connector}/inbox/${id}?lang=${lang}`, {
    headers: { authorization: `Bearer ${a.tokens.frontdoor}` },
  });
  expect(res.status, `${agency} /inbox/${id}?lang=${lang}`).toBe(200);
  return res.text();
}

describe('notification kinds end to end in a cwtch dev region', () => {
  it.each(NEW_KINDS)(
    '%s from %s goes where routing says, and reads in English and Welsh with labels, no raw codes',
    async (kind, from, expected, label) => {
      const payload = await example(kind);
      const sent = await clientOf(region(), from).send({ kind, payload });
      expect([...sent.recipients].sort()).toEqual(expected);
      for (const to of expected) {
        const item = await eventually(
          () =>
            clientOf(region(), to, 'frontdoor')
              .get(sent.id)
              .catch(() => undefined),
          20_000,
          `${kind} at ${to}`,
        );
        expect(item).toMatchObject({ kind, from, payload });
        for (const lang of ['en', 'cy'] as const) {
          const markup = await detailPage(to, sent.id, lang);
          const text = visibleText(markup);
          expect(text).toContain(kinds[kind].title[lang]);
          // The page leads with what to do: the panel comes before the details, and names
          // every recipient.
          const panel = markup.indexOf('id="what-to-do"');
          expect(panel, `${kind} ${lang}`).toBeGreaterThan(0);
          expect(panel).toBeLessThan(markup.indexOf('class="payload"'));
          expect(markup.indexOf('id="acknowledge"')).toBeGreaterThan(panel);
          for (const r of expected) expect(markup.slice(panel)).toContain(`data-agency="${r}"`);
          if (lang === 'cy' && expected.includes('south-wales-police'))
            expect(text).toContain('Heddlu De Cymru');
          expect(text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [], `${kind} ${lang}`).toEqual([]);
          expect(text).toContain(label[lang]);
          const words = new Set(text.split(/[\s,()]+/));
          expect(
            rawCodes(kind).filter((code) => words.has(code)),
            `${kind} ${lang} at ${to}`,
          ).toEqual([]);
          expect(text.match(/\b[WE](?:06|08|09|10|15|23)\d{6}\b/g) ?? [], `${kind} ${lang}`).toEqual([]);
        }
      }
    },
  );

  it('refuses a new kind from an agency type that may not send it, with a code', async () => {
    const payload = { ...(await example('abduction-warning-notice')) };
    payload.sender = {
      agencyType: 'childrens-services',
      org: { scheme: 'ons_gss_lad', value: 'W06000011', name: 'Swansea Council Child and Family Services' },
      contact: { role: 'Social worker' },
    };
    const refused = await clientOf(region(), 'swansea-cs')
      .send({ kind: 'abduction-warning-notice', payload, recipients: ['hillside'] })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(refused).toMatchObject({
      status: 400,
      code: 'CONTRACT_INVALID',
      issues: expect.arrayContaining([expect.objectContaining({ code: 'SENDER_NOT_ALLOWED' })]),
    });
  });

  it.each([
    ['a district council (E07) as the host authority', ['hostLa'], 'E07000008', 'LA_DISTRICT_COUNCIL'],
    [
      'a placeholder NHS number',
      ['subject', 'identifiers', 0, 'value'],
      '0000000000',
      'NHS_NUMBER_PLACEHOLDER',
    ],
    ['South Wales Police for Wrexham', ['hostPfa'], 'W15000003', 'POLICE_FORCE_NOT_FOR_AREA'],
  ] as const)(
    'refuses an out-of-area move naming %s, with a code and the path',
    async (_, path, value, code) => {
      const payload = structuredClone(await example('out-of-area-move'));
      let node = payload as Record<string | number, unknown>;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      node[path.at(-1)!] = value;
      const refused = await clientOf(region(), 'north-wales-police')
        .send({ kind: 'out-of-area-move', payload, recipients: ['wrexham-cs'] })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(refused).toMatchObject({
        status: 400,
        code: 'CONTRACT_INVALID',
        issues: expect.arrayContaining([expect.objectContaining({ path: [...path], code })]),
      });
      expect(JSON.stringify(refused)).not.toContain(value);
    },
  );

  it('accepts Hillside telling Swansea before a Swansea child moves back into Swansea', async () => {
    const payload = await example('care-home-transition');
    const back = {
      ...payload,
      transitionType: 'return_home_area',
      areaAuthority: 'W06000011',
      proposedPlacement: {
        ...(payload.proposedPlacement as Record<string, unknown>),
        settingName: 'Children’s home, Sketty',
        postcode: 'SA2 8PP',
        la: 'W06000011',
      },
    };
    const sent = await clientOf(region(), 'hillside').send({ kind: 'care-home-transition', payload: back });
    expect([...sent.recipients].sort()).toEqual(['south-wales-police', 'swansea-cs']);
    const item = await eventually(
      () =>
        clientOf(region(), 'swansea-cs', 'frontdoor')
          .get(sent.id)
          .catch(() => undefined),
      20_000,
      'the return at Swansea',
    );
    expect(item.payload).toMatchObject({ transitionType: 'return_home_area', areaAuthority: 'W06000011' });
    const cy = visibleText(await detailPage('swansea-cs', sent.id, 'cy'));
    expect(cy).toContain("Yn ôl i'r ardal gartref");
    expect(cy).toContain('Abertawe');
  });

  it('serves an OpenAPI document with one payload schema per kind, discriminated by kind', async () => {
    const doc = (await (
      await fetch(`${region().region.agencies.hillside!.connector}/openapi.json`)
    ).json()) as {
      paths: Record<string, { post?: { requestBody: { content: Record<string, { schema: unknown }> } } }>;
      components: { schemas: Record<string, unknown> };
    };
    const body = doc.paths['/v1/notifications']!.post!.requestBody.content['application/json']!.schema as {
      discriminator: { propertyName: string; mapping: Record<string, string> };
    };
    expect(body.discriminator.propertyName).toBe('kind');
    expect(Object.keys(body.discriminator.mapping).sort()).toEqual(Object.keys(kinds).sort());
    for (const name of [
      'ReturnHomeInterviewV1',
      'CareHomeRegistrationV1',
      'NrmReferralV1',
      'AbductionWarningNoticeV1',
    ]) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
  });
});
