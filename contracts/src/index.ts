/**
 * `@cwtch/contracts`: the zod contracts of Cwtch (envelope, receipts, audit entries,
 * notification kinds, identifiers) and the JSON Schema and AsyncAPI documents built from them.
 */

export {
  AcknowledgeResponse,
  ApiError,
  InboxItem,
  InboxList,
  InboxQuery,
  OutboxRecipient,
  OutboxStatus,
  SendNotificationRequest,
  SendNotificationResponse,
} from './api/connector-api.ts';
export { RegionFile } from './api/region-file.ts';
export { RouteReason, RouteRequest, RouteResponse } from './api/route-api.ts';
export {
  AuditEntry,
  AuditKeyEntry,
  AuditMsgEntry,
  AuditReceiptEntry,
  AuditRejectEntry,
} from './audit/audit-entry.ts';
export {
  AgencyId,
  B64u,
  EnvelopeHeader,
  EnvelopeWire,
  EpochMs,
  HEADER_TYPE,
  KeyId,
  Party,
  Priority,
  SUITE,
} from './envelope/header.ts';
export {
  ACTOR_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  normaliseActor,
  ReceiptBody,
  ReceiptStatus,
  ReceiptWire,
  UNNAMED_ACTOR,
} from './envelope/receipt.ts';
export {
  ActionOutcome,
  DeclineReason,
  EmbargoReason,
  EscalationStep,
  RecallReason,
} from './envelope/receipt-reasons.ts';
export {
  type EmbargoStatement,
  embargoInForce,
  RECIPIENT_STATUSES,
  SENDER_STATUSES,
  type Statement,
  type StatementIssue,
  statementOrderIssue,
} from './envelope/statement-order.ts';
export { allowTestNhsNumbers, testNhsNumbersAllowed } from './identifiers/allow-test-nhs-numbers.ts';
export {
  authorityName,
  CHILDRENS_SERVICES_AUTHORITIES,
  type ChildrensServicesAuthority,
  childrensServicesAuthority,
  type NameLang,
} from './identifiers/authorities.ts';
export {
  ENGLISH_AUTHORITIES,
  ENGLISH_AUTHORITY_RECODES,
  type EnglishAuthority,
  RETIRED_ENGLISH_AUTHORITY_CODES,
} from './identifiers/english-authorities.ts';
export {
  HealthBoardCode,
  HealthBoardGssCode,
  isValidHealthBoardCode,
  WELSH_HEALTH_BOARDS,
  type WelshHealthBoard,
  welshHealthBoard,
} from './identifiers/health-board-code.ts';
export {
  IDENTIFIER_ISSUES,
  type IdentifierIssue,
  type IdentifierIssueCode,
  identifierIssue,
  identifierIssueCode,
} from './identifiers/identifier-issue.ts';
export {
  englishAuthorityIssue,
  isValidLocalAuthorityCode,
  isWelshLocalAuthorityCode,
  LocalAuthorityCode,
  WELSH_LOCAL_AUTHORITIES,
  type WelshLocalAuthority,
  WelshLocalAuthorityCode,
  welshLocalAuthority,
} from './identifiers/local-authority-code.ts';
export {
  isValidNationalInsuranceNumber,
  NationalInsuranceNumber,
  normaliseNationalInsuranceNumber,
} from './identifiers/national-insurance-number.ts';
export {
  isNhsTestRange,
  isPlaceholderNhsNumber,
  isValidNhsNumber,
  NhsNumber,
  nhsCheckDigit,
  normaliseNhsNumber,
  PLACEHOLDER_NHS_NUMBERS,
} from './identifiers/nhs-number.ts';
export { OdsCode, OfstedUrn, OrgRef, OrgScheme } from './identifiers/org-ref.ts';
export { organisationName } from './identifiers/organisation-name.ts';
export {
  isValidPoliceForceCode,
  PoliceForceCode,
  WELSH_POLICE_FORCES,
  type WelshPoliceForce,
  welshPoliceForce,
} from './identifiers/police-force-code.ts';
export { forceCovers, policeForceFor } from './identifiers/police-force-for.ts';
export {
  POLICE_FORCES,
  type PoliceForce,
  type PoliceJurisdiction,
  policeForce,
  policeForceName,
} from './identifiers/police-forces.ts';
export {
  BFPO_PATTERN,
  isPseudoPostcode,
  isValidPostcode,
  normalisePostcode,
  normalisePseudoPostcode,
  POSTCODE_PATTERN,
  Postcode,
  PSEUDO_POSTCODE_PATTERN,
} from './identifiers/postcode.ts';
export {
  isTemporaryUpn,
  isValidUpn,
  isWelshUpn,
  normaliseUpn,
  UPN_ALPHABET,
  Upn,
  upnCheckLetter,
  WELSH_UPN_LA_NUMBERS,
} from './identifiers/upn.ts';
export {
  AbductionWarningNotice,
  AdultServed,
  Breach,
  CawnEvent,
  CawnType,
} from './kinds/abduction-warning-notice/schema.ts';
export {
  AgeBand,
  BOARD_ITEMS,
  type BoardFact,
  BoardItem,
  FoundWhere,
  PostcodeDistrict,
} from './kinds/board-statistics/items.ts';
export { ITEM_LABELS as BOARD_ITEM_LABELS } from './kinds/board-statistics/labels.ts';
export { BoardFigure, BoardStatistics, Suppression } from './kinds/board-statistics/schema.ts';
export {
  CareHomeRegistration,
  Provider,
  RegistrationEvent,
  Regulator,
  ServiceType,
  SettingRef,
  Specialism,
} from './kinds/care-home-registration/schema.ts';
export {
  CareHomeTransition,
  NotificationTiming,
  Placement,
  PlacementType,
  ReasonForChange,
  Ssda903PlacementType,
  TransitionType,
} from './kinds/care-home-transition/schema.ts';
export { checkSenderRules, policeOnlyFields } from './kinds/check-sender-rules.ts';
export type { ContractIssue } from './kinds/contract-issue.ts';
export {
  CawnStatus,
  CseProtocolEntry,
  FamilyGroupConference,
  Indicator,
  NrmStatus,
  ProtocolPeriod,
  ProtocolStatus,
  StrategyDiscussion,
} from './kinds/cse-protocol-entry/schema.ts';
export {
  type AreaRole,
  areaList,
  defineKind,
  type KindDefinition,
  type RoutingArea,
} from './kinds/define-kind.ts';
export { exampleAsOfToday, shiftDates } from './kinds/example-as-of-today.ts';
export { fieldPaths, labelKey, schemaCodeValues, schemaFieldPaths } from './kinds/field-paths.ts';
export {
  IntelligenceEvent,
  IntelligenceForm,
  IntelligenceLocation,
  IntelligencePerson,
  IntelligenceTheme,
  PoliceEvaluation,
  Provenance,
  Vehicle,
} from './kinds/intelligence-form/schema.ts';
export {
  type FieldLabel,
  fieldLabels,
  type Label,
  labelFor,
  type ValueLabels,
  valueLabelFor,
} from './kinds/labels.ts';
export { isWellFormedText, malformedTextIssue } from './kinds/malformed-text.ts';
export {
  EpisodeType,
  ExploitationRiskCheck,
  foundOutOfArea,
  MissingEpisode,
  PoliceRiskGrade,
  ReturnInterview,
} from './kinds/missing-episode/schema.ts';
export {
  FirstResponderType,
  GroundsDecision,
  IctgReferral,
  NrmExploitationType,
  NrmReferral,
} from './kinds/nrm-referral/schema.ts';
export {
  ActionRequested,
  ChildStatus,
  MovementType,
  OutOfAreaMove,
  ReportedLocation,
} from './kinds/out-of-area-move/schema.ts';
export {
  type KindContract,
  KindName,
  kinds,
  type ParseNotificationResult,
  parseNotification,
} from './kinds/registry.ts';
export {
  EpisodeLink,
  ExploitationIndicators,
  Interviewer,
  InterviewerRole,
  OnwardAction,
  ReturnHomeInterview,
} from './kinds/return-home-interview/schema.ts';
export { codeName } from './kinds/shared/code-names.ts';
export { IsoDate, IsoDateTime, isUnder18On, londonMidnight } from './kinds/shared/dates.ts';
export { InterviewTerminology } from './kinds/shared/debrief.ts';
export { ExploitationType, NrmStage } from './kinds/shared/exploitation.ts';
export { Classification, Handling, HandlingCode } from './kinds/shared/handling.ts';
export {
  Consent,
  Dpa2018Sch1,
  LawfulBasis,
  StatutoryGateway,
  UkGdprArt6,
  UkGdprArt9,
} from './kinds/shared/lawful-basis.ts';
export { Address, Location, TimedLocation } from './kinds/shared/location.ts';
export { MissingSummary } from './kinds/shared/missing-summary.ts';
export {
  CaseRef,
  Purpose,
  Retention,
  SharingAgreementRef,
  SharingDecision,
} from './kinds/shared/notification-base.ts';
export {
  GradedCategory,
  RiskAssessment,
  Seraf4Category,
  SerafBreakdown,
  serafCategoryForScore,
  serafScore,
} from './kinds/shared/risk-assessment.ts';
export { AgencyType, Contact, Sender } from './kinds/shared/sender.ts';
export {
  AdditionalNeeds,
  CareStatus,
  CodedValue,
  Ethnicity,
  LegalStatus,
  PersonName,
  Ssda903LegalStatus,
  Subject,
  SubjectIdentifier,
} from './kinds/shared/subject.ts';
export { dayText, type Lang } from './kinds/shared/summary-text.ts';
export { MessageRef } from './kinds/shared/text.ts';
export { type SubjectKey, subjectKey } from './kinds/subject-key.ts';
export { addKindPayloads, pascalName } from './schema/add-kind-payloads.ts';
export { buildAsyncApi } from './schema/build-async-api.ts';
export {
  buildJsonSchemas,
  type JsonSchemaDocument,
  kindSchemaFile,
  SCHEMA_ID_BASE,
} from './schema/build-json-schemas.ts';
export { COMPILE_AFTER, type HotSchema, hotSchema } from './schema/hot-schema.ts';
export { EXAMPLES_DIR, GENERATED_DIR, renderGeneratedFiles } from './schema/render-generated-files.ts';
