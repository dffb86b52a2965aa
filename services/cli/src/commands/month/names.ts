/** The made-up words of the month: names, streets and places (none of them a real person). */

/** Given names, by sex. */
export const GIVEN = {
  F: [
    'Gwen',
    'Ffion',
    'Seren',
    'Megan',
    'Lowri',
    'Nia',
    'Amelia',
    'Olivia',
    'Isla',
    'Ava',
    'Ruby',
    'Elin',
    'Mali',
    'Aisha',
    'Chloe',
    'Jessica',
    'Sophie',
    'Tegan',
    'Carys',
    'Lily',
  ],
  M: [
    'Rhys',
    'Dylan',
    'Osian',
    'Gethin',
    'Jac',
    'Harri',
    'Tomos',
    'Oliver',
    'Noah',
    'Leo',
    'Ethan',
    'Callum',
    'Kai',
    'Tyler',
    'Ryan',
    'Bilal',
    'Jordan',
    'Liam',
    'Aled',
    'Morgan',
  ],
} as const;

/** Family names. */
export const FAMILY = [
  'Jones',
  'Williams',
  'Davies',
  'Evans',
  'Thomas',
  'Roberts',
  'Hughes',
  'Lewis',
  'Morgan',
  'Griffiths',
  'Price',
  'Phillips',
  'Rees',
  'Jenkins',
  'Owen',
  'Powell',
  'James',
  'Parry',
  'Edwards',
  'Walker',
  'Khan',
  'Begum',
  'Hussain',
  'Smith',
  'Taylor',
  'Clarke',
  'Wright',
  'Hall',
  'Turner',
  'Bowen',
];

/** Street names for home addresses. */
export const STREETS = [
  'Heol y Fro',
  'Ffordd Las',
  'Church Street',
  'Park Road',
  'Mill Lane',
  'Station Road',
  'High Street',
  'Maes y Coed',
  'Victoria Road',
  'Bryn Road',
  'Queen Street',
  'Hill Terrace',
];

/** Where incidents happen. */
export const INCIDENT_PLACES = [
  'Multi-storey car park',
  'Takeaway on the high street',
  'Bus station',
  'Flat above a shop',
  'Park near the leisure centre',
  'Hotel off the motorway junction',
  'Railway station',
];

/** Where missing children are found. */
export const FOUND_PLACES = [
  'a friend’s flat',
  'the bus station',
  'a takeaway',
  'the railway station',
  'a park',
  'an address known to police',
  'the retail park',
];

/** Nicknames of the adults in intelligence and notices. */
export const NICKNAMES = ['Jay', 'Deano', 'Little T', 'Smokey', 'Kaz', 'Boss', 'Rico', 'Zee', 'Bam'];

/** Names of adults served with an abduction warning notice. */
export const ADULT_NAMES = [
  'Jason Pryce',
  'Dean Morris',
  'Tariq Malik',
  'Kyle Bevan',
  'Lee Harries',
  'Craig Lewis',
  'Adam Rowe',
];

/** Names of children's homes. */
export const SETTINGS = [
  'Tŷ Derwen',
  'Bryn Awel',
  'Maes Glas',
  'Ty Coch',
  'The Willows',
  'Nant y Coed',
  'Glan yr Afon',
  'Penrhos House',
];
