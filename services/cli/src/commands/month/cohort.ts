import { type ExploitationType, nhsCheckDigit } from '@cwtch/contracts';
import { addDays, addYears, laterDate } from './clock.ts';
import { FAMILY, GIVEN, STREETS } from './names.ts';
import type { Random } from './random.ts';

/** A local authority of the demo region, with who serves it and a few postcode districts. */
export interface MonthArea {
  readonly la: string;
  readonly name: string;
  readonly pfa: string;
  readonly frontDoor: string;
  readonly police: string;
  readonly welsh: boolean;
  readonly districts: readonly string[];
  readonly places: readonly string[];
}

/** The demo region's areas the month plays in (DESIGN §9): Swansea, Neath Port Talbot, Wrexham, Dudley. */
export const MONTH_AREAS: Readonly<Record<string, MonthArea>> = {
  W06000011: {
    la: 'W06000011',
    name: 'Swansea',
    pfa: 'W15000003',
    frontDoor: 'swansea-cs',
    police: 'south-wales-police',
    welsh: true,
    districts: ['SA1', 'SA2', 'SA4', 'SA5', 'SA6'],
    places: ['Townhill', 'Sketty', 'Morriston', 'Gorseinon', 'Bonymaen', 'the city centre'],
  },
  W06000012: {
    la: 'W06000012',
    name: 'Neath Port Talbot',
    pfa: 'W15000003',
    frontDoor: 'npt-cs',
    police: 'south-wales-police',
    welsh: true,
    districts: ['SA10', 'SA11', 'SA12', 'SA13'],
    places: ['Neath', 'Port Talbot', 'Briton Ferry', 'Sandfields', 'Aberavon'],
  },
  W06000006: {
    la: 'W06000006',
    name: 'Wrexham',
    pfa: 'W15000001',
    frontDoor: 'wrexham-cs',
    police: 'north-wales-police',
    welsh: true,
    districts: ['LL11', 'LL12', 'LL13', 'LL14'],
    places: ['Caia Park', 'Rhosllanerchrugog', 'Gwersyllt', 'the town centre'],
  },
  E08000027: {
    la: 'E08000027',
    name: 'Dudley',
    pfa: 'E23000014',
    frontDoor: 'dudley-cs',
    police: 'west-midlands-police',
    welsh: false,
    districts: ['DY1', 'DY2', 'DY3', 'DY5'],
    places: ['Brierley Hill', 'Netherton', 'Sedgley', 'Dudley town centre'],
  },
};

/** The area of `la` (one of {@link MONTH_AREAS}). */
export function area(la: string): MonthArea {
  const a = MONTH_AREAS[la];
  if (!a) throw new Error(`not an area of the month: ${la}`);
  return a;
}

/** Swansea and Neath Port Talbot: the Western Bay board's own authorities. */
export const WESTERN_BAY_AREAS: readonly string[] = ['W06000011', 'W06000012'];

/** Hillside secure children's home, in Neath Port Talbot. */
export const HILLSIDE = { la: 'W06000012', postcode: 'SA10 6XZ', ciwRef: 'SIN-00001234' } as const;

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** A made-up full postcode in `district` (BS 7666 shape; need not exist). */
export function postcodeIn(rng: Random, district: string): string {
  return `${district} ${rng.int(1, 9)}${rng.pick([...INWARD_LETTERS])}${rng.pick([...INWARD_LETTERS])}`;
}

/** The part of a postcode the board may see: its district (outward code). */
export function districtOf(postcode: string): string {
  return postcode.split(' ')[0] ?? postcode;
}

/** A person the month is about: a child (`C..`) or a young adult care leaver (`A..`, NRM referrals only). */
export interface MonthChild {
  readonly id: string;
  readonly adult: boolean;
  readonly nhsNumber: string;
  readonly given: string;
  readonly family: string;
  readonly sex: 'F' | 'M';
  readonly dateOfBirth: string;
  /** Age in whole years all month long (no birthday falls in it). */
  readonly age: number;
  /** The responsible (home) authority. */
  readonly home: string;
  readonly address: { readonly lines: readonly string[]; readonly postcode: string };
  readonly careStatus: 'looked_after' | 'cp_plan' | 'care_and_support_plan' | 'care_leaver' | 'none';
  /** SSDA903 legal status of a looked-after child. */
  readonly legalStatus: 'C1' | 'C2' | 'V2' | null;
  /** Placed at Hillside secure children's home (Neath Port Talbot). */
  readonly atHillside: boolean;
  /** Known to the youth offending team: a `yot` case reference and a `yot_number` in every payload. */
  readonly yot: boolean;
  /** Forms of exploitation the child is at risk of; empty when none. */
  readonly exploitation: readonly ExploitationType[];
  readonly previousProtocolPeriod: { readonly from: string; readonly to: string } | null;
  /** The first missing episode before this month, or null when none was. */
  readonly firstMissingBefore: string | null;
  readonly episodesBefore: number;
  readonly laRef: string;
  readonly yotRef: string | null;
}

const AREA_WEIGHTS: readonly (readonly [string, number])[] = [
  ['W06000011', 40],
  ['W06000012', 30],
  ['W06000006', 18],
  ['E08000027', 12],
];
const AGE_WEIGHTS: readonly (readonly [number, number])[] = [
  [10, 4],
  [11, 6],
  [12, 9],
  [13, 13],
  [14, 17],
  [15, 19],
  [16, 18],
  [17, 14],
];
const EXPLOITATION_WEIGHTS: readonly (readonly [ExploitationType, number])[] = [
  ['cse', 35],
  ['cce', 25],
  ['county_lines', 15],
  ['online_sexual_abuse', 10],
  ['trafficking', 7],
  ['modern_slavery', 3],
  ['other', 5],
];
const LA_REF_PREFIX: Readonly<Record<string, string>> = {
  W06000011: 'SCC-P',
  W06000012: 'NPT-P',
  W06000006: 'WCBC-P',
  E08000027: 'DMBC-P',
};

/** A fresh NHS number in the never-issued test range 999… with a valid check digit. */
function testNhsNumber(rng: Random, taken: Set<string>): string {
  for (;;) {
    const nine = `999${String(rng.int(0, 999_999)).padStart(6, '0')}`;
    const check = nhsCheckDigit(nine);
    const number = `${nine}${check}`;
    if (check === null || number === '9999999999' || taken.has(number)) continue;
    taken.add(number);
    return number;
  }
}

/**
 * The month's people: `children` children aged 10–17 (and `adults` care leavers aged 18–20),
 * each with a home authority, an address in one of its postcode districts, a care status, and
 * for most a risk of exploitation and a missing history. `firstDay` is the month's first date.
 */
export function makeCohort(rng: Random, firstDay: string, children: number, adults: number): MonthChild[] {
  const taken = new Set<string>();
  const people: MonthChild[] = [];
  for (let i = 0; i < children + adults; i++) {
    const adult = i >= children;
    const home = adult ? rng.pick(WESTERN_BAY_AREAS) : rng.weighted(AREA_WEIGHTS);
    const a = area(home);
    const age = adult ? rng.int(18, 20) : rng.weighted(AGE_WEIGHTS);
    // Born 35–330 days before an anniversary of the 1st: the same age all month.
    const dateOfBirth = addDays(addYears(firstDay, -age), -rng.int(35, 330));
    const sex = rng.chance(0.55) ? 'F' : 'M';
    const lookedAfter = !adult && rng.chance(0.45);
    const careStatus = adult
      ? 'care_leaver'
      : lookedAfter
        ? 'looked_after'
        : rng.weighted<MonthChild['careStatus']>([
            ['cp_plan', 25],
            ['care_and_support_plan', 40],
            ['none', 35],
          ]);
    const atRisk = adult || rng.chance(0.65);
    const exploitation: ExploitationType[] = [];
    if (atRisk) {
      exploitation.push(rng.weighted(EXPLOITATION_WEIGHTS));
      if (rng.chance(0.3)) {
        const second = rng.weighted(EXPLOITATION_WEIGHTS);
        if (!exploitation.includes(second)) exploitation.push(second);
      }
    }
    const yot =
      !adult && rng.chance(exploitation.includes('cce') || exploitation.includes('county_lines') ? 0.4 : 0.1);
    const previous = atRisk && !adult && rng.chance(0.3);
    const previousFrom = addDays(firstDay, -rng.int(400, 900));
    const missingBefore = !adult && rng.chance(0.8);
    const earliest = addYears(dateOfBirth, 9);
    const firstMissing = addDays(firstDay, -rng.int(20, 900));
    const district = rng.pick(a.districts);
    const postcode = postcodeIn(rng, district);
    people.push({
      id: adult ? `A${String(i - children + 1).padStart(2, '0')}` : `C${String(i + 1).padStart(2, '0')}`,
      adult,
      nhsNumber: testNhsNumber(rng, taken),
      given: rng.pick(GIVEN[sex]),
      family: rng.pick(FAMILY),
      sex,
      dateOfBirth,
      age,
      home,
      address: {
        lines: [`${rng.int(1, 120)} ${rng.pick(STREETS)}`, rng.pick(a.places).replace(/^the /, ''), a.name],
        postcode,
      },
      careStatus,
      legalStatus: lookedAfter
        ? rng.weighted<'C1' | 'C2' | 'V2'>([
            ['C2', 60],
            ['V2', 25],
            ['C1', 15],
          ])
        : null,
      atHillside: lookedAfter && a.welsh && rng.chance(0.25),
      yot,
      exploitation,
      previousProtocolPeriod: previous
        ? { from: previousFrom, to: addDays(previousFrom, rng.int(60, 250)) }
        : null,
      firstMissingBefore: missingBefore ? laterDate(firstMissing, earliest) : null,
      episodesBefore: missingBefore ? rng.int(1, 12) : 0,
      laRef: `${LA_REF_PREFIX[home]}-${rng.int(100_000, 999_999)}`,
      yotRef: yot ? `YOT-${rng.int(10_000, 99_999)}` : null,
    });
  }
  return people;
}
