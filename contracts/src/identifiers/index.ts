/**
 * Identifiers and organisation codes: NHS number, UPN, postcode, National Insurance number,
 * the children's services authorities of England and Wales, police forces and the authority →
 * force table, Welsh health boards, organisation references.
 */

export { allowTestNhsNumbers, testNhsNumbersAllowed } from './allow-test-nhs-numbers.ts';
export {
  authorityName,
  CHILDRENS_SERVICES_AUTHORITIES,
  type ChildrensServicesAuthority,
  childrensServicesAuthority,
  type NameLang,
} from './authorities.ts';
export {
  ENGLISH_AUTHORITIES,
  ENGLISH_AUTHORITY_RECODES,
  type EnglishAuthority,
  RETIRED_ENGLISH_AUTHORITY_CODES,
} from './english-authorities.ts';
export {
  HealthBoardCode,
  HealthBoardGssCode,
  isValidHealthBoardCode,
  WELSH_HEALTH_BOARDS,
  type WelshHealthBoard,
  welshHealthBoard,
} from './health-board-code.ts';
export {
  IDENTIFIER_ISSUES,
  type IdentifierIssue,
  type IdentifierIssueCode,
  identifierIssue,
  identifierIssueCode,
} from './identifier-issue.ts';
export {
  englishAuthorityIssue,
  isValidLocalAuthorityCode,
  isWelshLocalAuthorityCode,
  LocalAuthorityCode,
  WELSH_LOCAL_AUTHORITIES,
  type WelshLocalAuthority,
  WelshLocalAuthorityCode,
  welshLocalAuthority,
} from './local-authority-code.ts';
export {
  isValidNationalInsuranceNumber,
  NationalInsuranceNumber,
  normaliseNationalInsuranceNumber,
} from './national-insurance-number.ts';
export {
  isNhsTestRange,
  isPlaceholderNhsNumber,
  isValidNhsNumber,
  NhsNumber,
  nhsCheckDigit,
  normaliseNhsNumber,
  PLACEHOLDER_NHS_NUMBERS,
} from './nhs-number.ts';
export { OdsCode, OfstedUrn, OrgRef, OrgScheme } from './org-ref.ts';
export { organisationName } from './organisation-name.ts';
export {
  isValidPoliceForceCode,
  PoliceForceCode,
  WELSH_POLICE_FORCES,
  type WelshPoliceForce,
  welshPoliceForce,
} from './police-force-code.ts';
export { forceCovers, policeForceFor } from './police-force-for.ts';
export {
  POLICE_FORCES,
  type PoliceForce,
  type PoliceJurisdiction,
  policeForce,
  policeForceName,
} from './police-forces.ts';
export {
  BFPO_PATTERN,
  isPseudoPostcode,
  isValidPostcode,
  normalisePostcode,
  normalisePseudoPostcode,
  POSTCODE_PATTERN,
  Postcode,
  PSEUDO_POSTCODE_PATTERN,
} from './postcode.ts';
export {
  isTemporaryUpn,
  isValidUpn,
  isWelshUpn,
  normaliseUpn,
  UPN_ALPHABET,
  Upn,
  upnCheckLetter,
  WELSH_UPN_LA_NUMBERS,
} from './upn.ts';
