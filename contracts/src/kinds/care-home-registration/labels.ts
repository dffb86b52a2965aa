import { CONTACT, codes, type LabelGroup, l, nest } from '../shared/label-groups.ts';
import { SHARED_LABELS } from '../shared/shared-labels.ts';
import { RegistrationEvent, ServiceType, Specialism } from './schema.ts';

const PROVIDER = {
  name: l('Name', 'Enw'),
  companyNo: l('Company number', 'Rhif cwmni'),
  charityNo: l('Charity number', 'Rhif elusen'),
  notForProfit: l('Not for profit', 'Dim er elw'),
};

/** Labels of every `care-home-registration` field, English and Welsh. */
export const labels: LabelGroup = {
  ...SHARED_LABELS,
  event: l(
    'What happened',
    'Beth ddigwyddodd',
    codes(RegistrationEvent, {
      application_received: ['Application for registration received', 'Cais i gofrestru wedi dod i law'],
      registered: ['Registered', "Wedi'i gofrestru"],
      variation: ['Registration varied', "Cofrestriad wedi'i amrywio"],
      change_of_provider: ['Change of provider', 'Newid darparwr'],
      cancelled: ['Registration cancelled', "Cofrestriad wedi'i ganslo"],
      closure: ['Closing', 'Yn cau'],
    }),
  ),
  regulator: l('Regulator', 'Rheoleiddiwr', {
    ofsted: { en: 'Ofsted (England)', cy: 'Ofsted (Lloegr)' },
    ciw: { en: 'Care Inspectorate Wales', cy: 'Arolygiaeth Gofal Cymru' },
  }),
  ...nest('settingRef', l('Registration reference', 'Cyfeirnod cofrestru'), {
    scheme: l('Reference type', 'Math o gyfeirnod', {
      ofsted_urn: { en: 'Ofsted unique reference number', cy: 'Cyfeirnod unigryw Ofsted' },
      ciw_ref: { en: 'Care Inspectorate Wales reference', cy: 'Cyfeirnod Arolygiaeth Gofal Cymru' },
    }),
    value: l('Reference', 'Cyfeirnod'),
  }),
  settingName: l('Name of the home', "Enw'r cartref"),
  serviceType: l(
    'Type of service',
    'Math o wasanaeth',
    codes(ServiceType, {
      childrens_home: ["Children's home", 'Cartref plant'],
      secure_childrens_home: ["Secure children's home", 'Cartref diogel i blant'],
      residential_family_centre: ['Residential family centre', 'Canolfan breswyl i deuluoedd'],
      fostering_service: ['Fostering service', 'Gwasanaeth maethu'],
      supported_accommodation: ['Supported accommodation', 'Llety â chymorth'],
    }),
  ),
  ...nest('provider', l('Provider', 'Darparwr'), PROVIDER),
  ...nest('previousProvider', l('Previous provider', 'Darparwr blaenorol'), PROVIDER),
  ...nest('responsibleIndividual', l('Responsible individual', 'Unigolyn cyfrifol'), CONTACT),
  ...nest('manager', l('Registered manager', 'Rheolwr cofrestredig'), CONTACT),
  ...nest('address', l('Address', 'Cyfeiriad'), {
    lines: l('Address', 'Cyfeiriad'),
    postcode: l('Postcode', 'Cod post'),
    uprn: l('Unique property reference (UPRN)', 'Cyfeirnod eiddo unigryw (UPRN)'),
    pseudoPostcode: l('Pseudo-postcode', 'Ffug-god post'),
  }),
  addressConfidential: l(
    'Address confidential: do not pass on',
    'Cyfeiriad cyfrinachol: peidiwch â’i rannu ymhellach',
  ),
  hostLa: l('Host local authority', "Awdurdod lleol sy'n lletya"),
  hostPfa: l('Host police force area', "Ardal heddlu sy'n lletya"),
  hostLhb: l('Host health board', "Bwrdd iechyd sy'n lletya"),
  registeredPlaces: l('Registered places', 'Lleoedd cofrestredig'),
  ...nest('ageRange', l('Ages', 'Oedrannau'), {
    from: l('From age', 'O oed'),
    to: l('To age', 'Hyd at oed'),
  }),
  sexes: l('Takes', 'Yn derbyn', {
    female: { en: 'Girls', cy: 'Merched' },
    male: { en: 'Boys', cy: 'Bechgyn' },
    mixed: { en: 'Girls and boys', cy: 'Merched a bechgyn' },
  }),
  specialisms: l(
    'Specialisms',
    'Arbenigeddau',
    codes(Specialism, {
      emotional_behavioural: ['Emotional and behavioural needs', 'Anghenion emosiynol ac ymddygiadol'],
      learning_disability: ['Learning disability', 'Anabledd dysgu'],
      physical_disability: ['Physical disability', 'Anabledd corfforol'],
      mental_health: ['Mental health', 'Iechyd meddwl'],
      exploitation_risk: ['Children at risk of exploitation', "Plant sy'n wynebu risg o gamfanteisio"],
      secure_welfare: ['Secure welfare', 'Lles diogel'],
      short_breaks: ['Short breaks', 'Seibiannau byr'],
      parent_and_child: ['Parent and child', 'Rhiant a phlentyn'],
      unaccompanied_asylum_seeking: [
        'Unaccompanied asylum-seeking children',
        'Plant ar eu pen eu hunain sy’n ceisio lloches',
      ],
      other: ['Other', 'Arall'],
    }),
  ),
  effectiveDate: l('From', "O'r dyddiad"),
  closureReason: l('Why it is closing', 'Pam mae’n cau'),
  ...nest('locationAssessment', l('Location assessment', 'Asesiad o’r lleoliad'), {
    completedAt: l('Completed on', 'Cwblhawyd ar'),
    consulted: l('Consulted', 'Ymgynghorwyd â', {
      la: { en: 'Local authority', cy: 'Awdurdod lleol' },
      police: { en: 'Police', cy: 'Heddlu' },
      health: { en: 'Health', cy: 'Iechyd' },
      education: { en: 'Education', cy: 'Addysg' },
    }),
  }),
};
