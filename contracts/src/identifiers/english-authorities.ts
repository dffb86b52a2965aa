/**
 * The 153 children's services authorities of England (upper-tier and unitary councils), each
 * with the police force whose area contains it. As of 1 April 2023.
 *
 * Sources (written from knowledge of the registers without network access; verify a code against
 * the register before relying on it):
 * - ONS Open Geography Portal, "Local Authority Districts (April 2023) Names and Codes in the
 *   United Kingdom" (LAD23) for unitary authorities (E06), metropolitan districts (E08) and London
 *   boroughs with the City of London (E09); names as the register spells them ("Bristol, City of").
 * - ONS, "Counties (April 2023) Names and Codes in England" (CTY23) for the 21 county councils
 *   (E10) that remain after the 2019–2023 reorganisations.
 * - ONS, "Local Authority District to Police Force Area (December 2022) Lookup in England and
 *   Wales" for the force of each authority: police force areas are built from whole districts,
 *   so every authority lies in one force area.
 *
 * Reorganisations folded in: Bournemouth, Christchurch and Poole (E06000058) and Dorset
 * (E06000059) replaced Bournemouth, Poole and Dorset County Council in 2019; Buckinghamshire
 * (E06000060) in 2020; North and West Northamptonshire (E06000061, E06000062) in 2021; in 2023
 * Cumbria split into Cumberland (E06000063) and Westmorland and Furness (E06000064), and North
 * Yorkshire (E06000065) and Somerset (E06000066) became unitary. District councils (E07) are
 * not children's services authorities: their county council is. Since the table's date, ONS
 * recoded Barnsley and Sheffield after a minor boundary change (LAD25): both codes are accepted
 * ({@link ENGLISH_AUTHORITY_RECODES}).
 */

/** ONS code, ONS register name, police force area code. */
type Row = readonly [code: string, name: string, policeForce: string];

const CLEVELAND = 'E23000013';
const DURHAM = 'E23000008';
const CHESHIRE = 'E23000006';
const LANCASHIRE = 'E23000003';
const HUMBERSIDE = 'E23000012';
const NORTH_YORKSHIRE = 'E23000009';
const DERBYSHIRE = 'E23000018';
const LEICESTERSHIRE = 'E23000021';
const NOTTINGHAMSHIRE = 'E23000019';
const WEST_MERCIA = 'E23000016';
const STAFFORDSHIRE = 'E23000015';
const AVON_AND_SOMERSET = 'E23000036';
const DEVON_AND_CORNWALL = 'E23000035';
const WILTSHIRE = 'E23000038';
const CAMBRIDGESHIRE = 'E23000023';
const BEDFORDSHIRE = 'E23000026';
const ESSEX = 'E23000028';
const KENT = 'E23000032';
const THAMES_VALLEY = 'E23000029';
const SUSSEX = 'E23000033';
const HAMPSHIRE = 'E23000030';
const NORTHUMBRIA = 'E23000007';
const DORSET = 'E23000039';
const NORTHAMPTONSHIRE = 'E23000022';
const CUMBRIA = 'E23000002';
const GREATER_MANCHESTER = 'E23000005';
const MERSEYSIDE = 'E23000004';
const SOUTH_YORKSHIRE = 'E23000011';
const WEST_MIDLANDS = 'E23000014';
const WEST_YORKSHIRE = 'E23000010';
const METROPOLITAN = 'E23000001';

/** 63 unitary authorities (E06), including the Isles of Scilly. */
const UNITARY: readonly Row[] = [
  ['E06000001', 'Hartlepool', CLEVELAND],
  ['E06000002', 'Middlesbrough', CLEVELAND],
  ['E06000003', 'Redcar and Cleveland', CLEVELAND],
  ['E06000004', 'Stockton-on-Tees', CLEVELAND],
  ['E06000005', 'Darlington', DURHAM],
  ['E06000006', 'Halton', CHESHIRE],
  ['E06000007', 'Warrington', CHESHIRE],
  ['E06000008', 'Blackburn with Darwen', LANCASHIRE],
  ['E06000009', 'Blackpool', LANCASHIRE],
  ['E06000010', 'Kingston upon Hull, City of', HUMBERSIDE],
  ['E06000011', 'East Riding of Yorkshire', HUMBERSIDE],
  ['E06000012', 'North East Lincolnshire', HUMBERSIDE],
  ['E06000013', 'North Lincolnshire', HUMBERSIDE],
  ['E06000014', 'York', NORTH_YORKSHIRE],
  ['E06000015', 'Derby', DERBYSHIRE],
  ['E06000016', 'Leicester', LEICESTERSHIRE],
  ['E06000017', 'Rutland', LEICESTERSHIRE],
  ['E06000018', 'Nottingham', NOTTINGHAMSHIRE],
  ['E06000019', 'Herefordshire, County of', WEST_MERCIA],
  ['E06000020', 'Telford and Wrekin', WEST_MERCIA],
  ['E06000021', 'Stoke-on-Trent', STAFFORDSHIRE],
  ['E06000022', 'Bath and North East Somerset', AVON_AND_SOMERSET],
  ['E06000023', 'Bristol, City of', AVON_AND_SOMERSET],
  ['E06000024', 'North Somerset', AVON_AND_SOMERSET],
  ['E06000025', 'South Gloucestershire', AVON_AND_SOMERSET],
  ['E06000026', 'Plymouth', DEVON_AND_CORNWALL],
  ['E06000027', 'Torbay', DEVON_AND_CORNWALL],
  ['E06000030', 'Swindon', WILTSHIRE],
  ['E06000031', 'Peterborough', CAMBRIDGESHIRE],
  ['E06000032', 'Luton', BEDFORDSHIRE],
  ['E06000033', 'Southend-on-Sea', ESSEX],
  ['E06000034', 'Thurrock', ESSEX],
  ['E06000035', 'Medway', KENT],
  ['E06000036', 'Bracknell Forest', THAMES_VALLEY],
  ['E06000037', 'West Berkshire', THAMES_VALLEY],
  ['E06000038', 'Reading', THAMES_VALLEY],
  ['E06000039', 'Slough', THAMES_VALLEY],
  ['E06000040', 'Windsor and Maidenhead', THAMES_VALLEY],
  ['E06000041', 'Wokingham', THAMES_VALLEY],
  ['E06000042', 'Milton Keynes', THAMES_VALLEY],
  ['E06000043', 'Brighton and Hove', SUSSEX],
  ['E06000044', 'Portsmouth', HAMPSHIRE],
  ['E06000045', 'Southampton', HAMPSHIRE],
  ['E06000046', 'Isle of Wight', HAMPSHIRE],
  ['E06000047', 'County Durham', DURHAM],
  ['E06000049', 'Cheshire East', CHESHIRE],
  ['E06000050', 'Cheshire West and Chester', CHESHIRE],
  ['E06000051', 'Shropshire', WEST_MERCIA],
  ['E06000052', 'Cornwall', DEVON_AND_CORNWALL],
  ['E06000053', 'Isles of Scilly', DEVON_AND_CORNWALL],
  ['E06000054', 'Wiltshire', WILTSHIRE],
  ['E06000055', 'Bedford', BEDFORDSHIRE],
  ['E06000056', 'Central Bedfordshire', BEDFORDSHIRE],
  ['E06000057', 'Northumberland', NORTHUMBRIA],
  ['E06000058', 'Bournemouth, Christchurch and Poole', DORSET],
  ['E06000059', 'Dorset', DORSET],
  ['E06000060', 'Buckinghamshire', THAMES_VALLEY],
  ['E06000061', 'North Northamptonshire', NORTHAMPTONSHIRE],
  ['E06000062', 'West Northamptonshire', NORTHAMPTONSHIRE],
  ['E06000063', 'Cumberland', CUMBRIA],
  ['E06000064', 'Westmorland and Furness', CUMBRIA],
  ['E06000065', 'North Yorkshire', NORTH_YORKSHIRE],
  ['E06000066', 'Somerset', AVON_AND_SOMERSET],
];

/** 36 metropolitan districts (E08). */
const METROPOLITAN_DISTRICTS: readonly Row[] = [
  ['E08000001', 'Bolton', GREATER_MANCHESTER],
  ['E08000002', 'Bury', GREATER_MANCHESTER],
  ['E08000003', 'Manchester', GREATER_MANCHESTER],
  ['E08000004', 'Oldham', GREATER_MANCHESTER],
  ['E08000005', 'Rochdale', GREATER_MANCHESTER],
  ['E08000006', 'Salford', GREATER_MANCHESTER],
  ['E08000007', 'Stockport', GREATER_MANCHESTER],
  ['E08000008', 'Tameside', GREATER_MANCHESTER],
  ['E08000009', 'Trafford', GREATER_MANCHESTER],
  ['E08000010', 'Wigan', GREATER_MANCHESTER],
  ['E08000011', 'Knowsley', MERSEYSIDE],
  ['E08000012', 'Liverpool', MERSEYSIDE],
  ['E08000013', 'St. Helens', MERSEYSIDE],
  ['E08000014', 'Sefton', MERSEYSIDE],
  ['E08000015', 'Wirral', MERSEYSIDE],
  ['E08000016', 'Barnsley', SOUTH_YORKSHIRE],
  ['E08000017', 'Doncaster', SOUTH_YORKSHIRE],
  ['E08000018', 'Rotherham', SOUTH_YORKSHIRE],
  ['E08000019', 'Sheffield', SOUTH_YORKSHIRE],
  ['E08000021', 'Newcastle upon Tyne', NORTHUMBRIA],
  ['E08000022', 'North Tyneside', NORTHUMBRIA],
  ['E08000023', 'South Tyneside', NORTHUMBRIA],
  ['E08000024', 'Sunderland', NORTHUMBRIA],
  ['E08000025', 'Birmingham', WEST_MIDLANDS],
  ['E08000026', 'Coventry', WEST_MIDLANDS],
  ['E08000027', 'Dudley', WEST_MIDLANDS],
  ['E08000028', 'Sandwell', WEST_MIDLANDS],
  ['E08000029', 'Solihull', WEST_MIDLANDS],
  ['E08000030', 'Walsall', WEST_MIDLANDS],
  ['E08000031', 'Wolverhampton', WEST_MIDLANDS],
  ['E08000032', 'Bradford', WEST_YORKSHIRE],
  ['E08000033', 'Calderdale', WEST_YORKSHIRE],
  ['E08000034', 'Kirklees', WEST_YORKSHIRE],
  ['E08000035', 'Leeds', WEST_YORKSHIRE],
  ['E08000036', 'Wakefield', WEST_YORKSHIRE],
  ['E08000037', 'Gateshead', NORTHUMBRIA],
];

/** The City of London and the 32 London boroughs (E09). */
const LONDON: readonly Row[] = [
  ['E09000001', 'City of London', 'E23000034'],
  ['E09000002', 'Barking and Dagenham', METROPOLITAN],
  ['E09000003', 'Barnet', METROPOLITAN],
  ['E09000004', 'Bexley', METROPOLITAN],
  ['E09000005', 'Brent', METROPOLITAN],
  ['E09000006', 'Bromley', METROPOLITAN],
  ['E09000007', 'Camden', METROPOLITAN],
  ['E09000008', 'Croydon', METROPOLITAN],
  ['E09000009', 'Ealing', METROPOLITAN],
  ['E09000010', 'Enfield', METROPOLITAN],
  ['E09000011', 'Greenwich', METROPOLITAN],
  ['E09000012', 'Hackney', METROPOLITAN],
  ['E09000013', 'Hammersmith and Fulham', METROPOLITAN],
  ['E09000014', 'Haringey', METROPOLITAN],
  ['E09000015', 'Harrow', METROPOLITAN],
  ['E09000016', 'Havering', METROPOLITAN],
  ['E09000017', 'Hillingdon', METROPOLITAN],
  ['E09000018', 'Hounslow', METROPOLITAN],
  ['E09000019', 'Islington', METROPOLITAN],
  ['E09000020', 'Kensington and Chelsea', METROPOLITAN],
  ['E09000021', 'Kingston upon Thames', METROPOLITAN],
  ['E09000022', 'Lambeth', METROPOLITAN],
  ['E09000023', 'Lewisham', METROPOLITAN],
  ['E09000024', 'Merton', METROPOLITAN],
  ['E09000025', 'Newham', METROPOLITAN],
  ['E09000026', 'Redbridge', METROPOLITAN],
  ['E09000027', 'Richmond upon Thames', METROPOLITAN],
  ['E09000028', 'Southwark', METROPOLITAN],
  ['E09000029', 'Sutton', METROPOLITAN],
  ['E09000030', 'Tower Hamlets', METROPOLITAN],
  ['E09000031', 'Waltham Forest', METROPOLITAN],
  ['E09000032', 'Wandsworth', METROPOLITAN],
  ['E09000033', 'Westminster', METROPOLITAN],
];

/** The 21 county councils (E10) remaining in April 2023. */
const COUNTIES: readonly Row[] = [
  ['E10000003', 'Cambridgeshire', CAMBRIDGESHIRE],
  ['E10000007', 'Derbyshire', DERBYSHIRE],
  ['E10000008', 'Devon', DEVON_AND_CORNWALL],
  ['E10000011', 'East Sussex', SUSSEX],
  ['E10000012', 'Essex', ESSEX],
  ['E10000013', 'Gloucestershire', 'E23000037'],
  ['E10000014', 'Hampshire', HAMPSHIRE],
  ['E10000015', 'Hertfordshire', 'E23000027'],
  ['E10000016', 'Kent', KENT],
  ['E10000017', 'Lancashire', LANCASHIRE],
  ['E10000018', 'Leicestershire', LEICESTERSHIRE],
  ['E10000019', 'Lincolnshire', 'E23000020'],
  ['E10000020', 'Norfolk', 'E23000024'],
  ['E10000024', 'Nottinghamshire', NOTTINGHAMSHIRE],
  ['E10000025', 'Oxfordshire', THAMES_VALLEY],
  ['E10000028', 'Staffordshire', STAFFORDSHIRE],
  ['E10000029', 'Suffolk', 'E23000025'],
  ['E10000030', 'Surrey', 'E23000031'],
  ['E10000031', 'Warwickshire', 'E23000017'],
  ['E10000032', 'West Sussex', SUSSEX],
  ['E10000034', 'Worcestershire', WEST_MERCIA],
];

/** An English children's services authority: ONS code, register name, police force area. */
export interface EnglishAuthority {
  readonly code: string;
  readonly name: { readonly en: string; readonly cy: string };
  /** ONS police force area code (`E23…`) of the force whose area contains the authority. */
  readonly policeForce: string;
}

/** English authorities have no official Welsh names: the Welsh page shows the English one. */
const toAuthority = ([code, name, policeForce]: Row): EnglishAuthority => ({
  code,
  name: { en: name, cy: name },
  policeForce,
});

/** The 153 children's services authorities of England (E06, E08, E09, E10), April 2023. */
export const ENGLISH_AUTHORITIES: readonly EnglishAuthority[] = [
  ...UNITARY,
  ...METROPOLITAN_DISTRICTS,
  ...LONDON,
  ...COUNTIES,
].map(toAuthority);

/**
 * Codes of English upper-tier and unitary authorities abolished in the 2009–2023
 * reorganisations (and two recodings), with what replaced them, so a sender still using one is
 * told to update it rather than that the code is unknown.
 */
export const RETIRED_ENGLISH_AUTHORITY_CODES: Readonly<Record<string, readonly string[]>> = {
  E06000028: ['E06000058'], // Bournemouth, 2019
  E06000029: ['E06000058'], // Poole, 2019
  E06000048: ['E06000057'], // Northumberland, recoded 2013 (boundary change with Gateshead)
  E08000020: ['E08000037'], // Gateshead, recoded 2013
  E10000002: ['E06000060'], // Buckinghamshire County Council, 2020
  E10000006: ['E06000063', 'E06000064'], // Cumbria, 2023
  E10000009: ['E06000059'], // Dorset County Council, 2019
  E10000021: ['E06000061', 'E06000062'], // Northamptonshire, 2021
  E10000023: ['E06000065'], // North Yorkshire County Council, 2023
  E10000027: ['E06000066'], // Somerset County Council, 2023
};

/**
 * Codes ONS issued after April 2023 for an authority in the table, each with the table's code
 * (Barnsley and Sheffield, recoded in the LAD25 register after a minor boundary change), so a
 * sender on either register is understood.
 */
export const ENGLISH_AUTHORITY_RECODES: Readonly<Record<string, string>> = {
  E08000038: 'E08000016', // Barnsley
  E08000039: 'E08000019', // Sheffield
};
