/** Shapes of the hoctap API v1 (docs/api.md): what the server's services return and the web app reads. */
import type { AgeBand, CitizenGroup, HouseholdRelation, Qualification, StaffCategory } from './people.js';
import type { AssessmentInputs, CriteriaSetDocument, SubjectAttribute } from './criteria.js';
import type { EvaluationResult } from '../server/modules/criteria/engines/types.js';

export interface Bilingual {
  vi: string;
  en: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OrgRef {
  id: string;
  name: string;
}

export interface Grant {
  id: string;
  orgId: string;
  orgName: string;
  role: string;
}

export type Permission =
  | 'org.read'
  | 'org.manage'
  | 'user.read'
  | 'user.manage'
  | 'audit.read'
  | 'system.configure'
  | 'person.read'
  | 'person.manage'
  | 'person.sensitive';

export interface Me {
  id: string;
  login: string;
  displayName: string;
  mustChangePassword: boolean;
  homeOrg: OrgRef | null;
  grants: Grant[];
  permissions: string[];
}

export interface Session {
  user: Me;
  csrfToken: string;
}

export interface PasswordPolicy {
  minLength: number;
  rules: Bilingual[];
}

export interface OrgKind {
  code: string;
  nameVi: string;
  nameEn: string;
  canBeRoot: boolean;
  parentKinds: string[];
  /** Kinds with the same group may merge and split with each other; null: only with itself. */
  mergeGroup: string | null;
  /** Position in the list (the server's order). */
  sortOrder: number;
}

export interface OrgSummary {
  id: string;
  parentId: string | null;
  name: string;
  kindCode: string;
  code: string | null;
  validFrom: string | null;
  validTo: string | null;
  childCount: number;
  closed: boolean;
}

export interface OrgSearchHit extends OrgSummary {
  pathNames: string[];
}

export interface OrgDetail {
  org: OrgSummary;
  ancestors: OrgRef[];
  can: { manage: boolean; manageUsers: boolean };
}

export interface Role {
  code: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  grantable: boolean;
}

export interface UserSummary {
  id: string;
  login: string;
  displayName: string;
  homeOrg: OrgRef | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  grants: Grant[];
}

export interface AuditEntry {
  id: string | number;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** The unit or account the row is about, by name (null for other entities). */
  entityName: string | null;
  orgId: string | null;
  orgName: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';

export interface Job {
  id: string;
  kind: string;
  state: JobState;
  progress: number;
  message: Bilingual | null;
  result: { fileId?: string; fileName?: string } | null;
  error: Bilingual | null;
  createdAt: string;
  finishedAt: string | null;
}

/** A list that counts exactly up to a cap: `totalCapped` means "more than `total`". */
export interface CappedPage<T> extends Page<T> {
  totalCapped: boolean;
}

/** A language a person knows, with the certificate that shows it (TT 24/2023 criterion 2.4). */
export interface PersonLanguage {
  /** ISO 639-1 code for foreign languages ('en', 'zh'…), the name for minority languages ('Khmer'). */
  language: string;
  kind: 'foreign' | 'ethnic';
  /** As written on the certificate: 'B1', 'TOEIC 550', legacy 'B' (QĐ 177/1993)… */
  certificate: string | null;
  /** Level 1–6 of the national framework (TT 01/2014), null when the certificate has none. */
  level: number | null;
}

/** A row of the people lists. Citizen ID and phone are masked unless the viewer may read them. */
export interface PersonListItem {
  id: string;
  fullName: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  ethnicity: string | null;
  citizenId: string | null;
  phone: string | null;
  citizenGroup: string;
  /** The unit (staff) or the hamlet (residents) the row is listed under. */
  org: OrgRef;
  masked: boolean;
  membershipId?: string;
  position?: string | null;
  category?: string;
  isLeader?: boolean;
  householdId?: string | null;
  householdRelation?: string | null;
}

export interface MembershipView {
  id: string;
  org: OrgRef;
  position: string | null;
  isLeader: boolean;
  category: string;
  rank: string | null;
  validFrom: string | null;
  validTo: string | null;
  current: boolean;
}

export interface EmulationView {
  year: number;
  titleCode: string | null;
  discipline: string | null;
  note: string | null;
}

export interface PersonDetail {
  id: string;
  fullName: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  ethnicity: string | null;
  citizenId: string | null;
  phone: string | null;
  email: string | null;
  masked: boolean;
  residence: OrgRef | null;
  address: string | null;
  household: { id: string; code: string; relation: string | null } | null;
  generalEducation: string | null;
  qualification: string | null;
  qualificationMajor: string | null;
  languages: PersonLanguage[];
  itSkill: string | null;
  occupation: string | null;
  citizenGroup: string;
  citizenGroupManual: boolean;
  note: string | null;
  userId: string | null;
  /** Only the memberships in units the viewer can see. */
  memberships: MembershipView[];
  emulation: EmulationView[];
  can: { manage: boolean };
}

export interface HouseholdMember {
  id: string;
  fullName: string;
  birthDate: string | null;
  sex: 'male' | 'female' | null;
  relation: string | null;
  citizenGroup: string;
}

export interface HouseholdSummary {
  id: string;
  code: string;
  org: OrgRef;
  address: string | null;
  head: { id: string; fullName: string } | null;
  memberCount: number;
}

export interface HouseholdDetail extends HouseholdSummary {
  members: HouseholdMember[];
  clans: OrgRef[];
  can: { manage: boolean };
}

export interface ClanSummary {
  id: string;
  name: string;
  org: OrgRef;
  head: { id: string; fullName: string } | null;
  householdCount: number;
  hamletCount: number;
  note: string | null;
}

export interface ClanDetail extends ClanSummary {
  households: HouseholdSummary[];
  can: { manage: boolean };
}

/**
 * The Excel import wizard (see docs/api.md, "Excel imports"). `attendance`: the attendance list of
 * one training, recorded as verified learning records of the members listed. `titleRegistration`:
 * the list of people, households, clans or units registering for one learning title in one year.
 */
export type ImportKind = 'staff' | 'residents' | 'orgs' | 'attendance' | 'titleRegistration';

/** A column of the file: its header as found, the field it goes to (null: ignored), sample values. */
export interface ImportColumn {
  index: number;
  letter: string;
  header: string;
  fieldKey: string | null;
  samples: string[];
}

/**
 * A field a column can go to: the kind's fields, and for people lists split by sex the special keys
 * `_birthDateMale`, `_birthDateFemale`, `_sexMale`, `_sexFemale`.
 */
export interface ImportField {
  key: string;
  labelVi: string;
  labelEn: string;
  required: boolean;
}

export type ImportState = 'analysing' | 'analysed' | 'checking' | 'checked' | 'importing' | 'imported' | 'failed';

export interface ImportAnalysis {
  sheets: { name: string; rows: number }[];
  sheet: string;
  headerRow: number;
  firstDataRow: number;
  encoding: 'unicode' | 'tcvn3' | 'vni';
  columns: ImportColumn[];
  fields: ImportField[];
}

export interface ImportSettings {
  sheet: string;
  headerRow: number;
  /** Column index (0 = A) → field key. */
  mapping: Record<string, string>;
  duplicates: 'update' | 'skip';
  /** The year an emulation-title column is for (default: last year, the year titles are given for). */
  emulationYear?: number;
  /** Attendance lists: the training every listed member attended (required for that kind). */
  training?: ImportTraining;
  /** Registration lists: the title and year every subject listed registers for (required for that kind). */
  registration?: ImportRegistration;
}

/** The title, year and (Công dân học tập) citizen group of a registration list, entered in the wizard. */
export interface ImportRegistration {
  title: string;
  year: number;
  citizenGroup?: string | null;
}

/**
 * The training of an attendance import, entered in the wizard: a kind of learning record
 * (RECORD_KINDS of shared/learning.ts), dates 'yyyy-mm-dd', hours for whom the file gives none.
 */
export interface ImportTraining {
  kind: string;
  title: string;
  provider?: string | null;
  startsOn?: string | null;
  endsOn: string;
  hours?: number | null;
  /** The mandatory training it counts for (GET /api/v1/mandatory-trainings?orgId=). */
  mandatoryTrainingId?: string | null;
  /** IT trainings: 'basic' | 'advanced'; language courses: the language and the level reached. */
  itStandard?: string | null;
  language?: string | null;
  languageLevel?: string | null;
}

export interface ImportSummary {
  rows: number;
  create: number;
  update: number;
  skip: number;
  errors: number;
  warnings: number;
}

export interface ImportPreviewRow {
  rowNumber: number;
  action: 'create' | 'update' | 'skip' | 'error';
  values: Record<string, string | null>;
  issues: ImportIssue[];
}

export interface ImportIssue {
  sheet: string;
  rowNumber: number;
  column: string | null;
  header: string | null;
  value: string | null;
  severity: 'error' | 'warning';
  code: string;
  message: Bilingual;
}

export interface ImportView {
  id: string;
  kind: ImportKind;
  org: { id: string; name: string };
  fileName: string;
  state: ImportState;
  analysis: ImportAnalysis | null;
  settings: ImportSettings | null;
  summary: ImportSummary | null;
  jobId: string | null;
  errorFileId: string | null;
  error: Bilingual | null;
  createdAt: string;
}

/** The fields of a person as POST and PATCH /people take them. */
export interface PersonFields {
  fullName: string;
  birthDate?: string | null;
  sex?: 'male' | 'female' | null;
  ethnicity?: string | null;
  citizenId?: string | null;
  phone?: string | null;
  email?: string | null;
  residenceOrgId?: string | null;
  address?: string | null;
  householdId?: string | null;
  householdRelation?: HouseholdRelation | null;
  generalEducation?: string | null;
  qualification?: Qualification | null;
  qualificationMajor?: string | null;
  languages?: PersonLanguage[];
  itSkill?: string | null;
  occupation?: string | null;
  /** Set by hand; null returns the person to the derived group. */
  citizenGroup?: CitizenGroup | null;
  note?: string | null;
  /** The person's login account, if they have one (null unlinks). */
  userId?: string | null;
}

export interface MembershipFields {
  orgId: string;
  position?: string | null;
  isLeader?: boolean;
  category: StaffCategory;
  rank?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface PeopleQuery {
  kind: 'staff' | 'resident';
  orgId?: string;
  q?: string;
  sex?: 'male' | 'female';
  ageBand?: AgeBand;
  ethnicity?: string;
  citizenGroup?: CitizenGroup;
  category?: StaffCategory;
  position?: string;
  isLeader?: boolean;
  sort?: 'name' | '-name' | 'birthDate' | '-birthDate';
  page: number;
  pageSize: number;
}

/** Reorganisations (docs/api.md, "Reorganisations"). */
export type ReorgKind = 'merge' | 'split' | 'transfer';

/** The records attached to `fromOrgId` (a unit that closes) go to `toOrgId`. */
export interface ReorgTransfer {
  fromOrgId: string;
  toOrgId: string;
}

/** How many records of a kind follow the closing units (staff memberships, residents…). */
export interface ReorgImpact {
  key: string;
  labelVi: string;
  labelEn: string;
  count: number;
}

export interface ReorgWarning {
  code: string;
  message: Bilingual;
  org: OrgRef;
  count: number;
}

/** What a preview shows and an apply did (ids of created units are provisional in a preview). */
export interface ReorgOutcome {
  /** null in a preview. */
  reorganisationId: string | null;
  kind: ReorgKind;
  effectiveDate: string;
  decisionRef: string | null;
  note: string | null;
  /** Units created. `key` is 'successor' or the split key. */
  created: { id: string; key: string; name: string; kindCode: string; code: string | null; parent: OrgRef | null }[];
  /** Units moved with their subtrees (`unitsMoved` counts the unit and everything below it); `from` is null when the caller cannot see it. */
  moved: { unit: OrgRef; from: OrgRef | null; to: OrgRef; newName: string | null; unitsMoved: number }[];
  /** Units closed from the effective date, with the open units of their subtrees that close too. */
  closed: { unit: OrgRef; unitsClosed: number }[];
  lineage: { predecessor: OrgRef; successor: OrgRef }[];
  /** What the participants were (or would be) given. */
  transfers: ReorgTransfer[];
  impacts: ReorgImpact[];
  warnings: ReorgWarning[];
}

// ─── Learning titles (danh hiệu học tập, issue 6): the recognition API's answers (docs/api.md, "Titles") ───

/** Where a registration's case stands (recognition/workflow.ts REGISTRATION_STATES). */
export type RegistrationState = 'registered' | 'submitted' | 'returned' | 'reviewed' | 'recognised' | 'not_recognised' | 'withdrawn';

/**
 * The headline of a stored result as lists give it (recognition.repo.ts `headline`): a points result
 * has `total` and the band's code (`level` null), a levels result the level's code or null (`total`
 * null).
 */
export interface AssessmentHeadline {
  total: number | null;
  band: string | null;
  level: string | null;
  passed: boolean;
}

/** A case's recognition in lists and on the case page. */
export interface RecognitionHeadline {
  id: string;
  outcome: string | null;
  validFrom: string | null;
  validUntil: string | null;
  revokedAt: string | null;
}

type TitleSubjectKind = 'person' | 'household' | 'clan' | 'org';

/** A row of GET /titles/registrations (and of /titles/registrations/mine). */
export interface TitleRegistrationRow {
  id: string;
  year: number;
  title: string;
  subjectKind: TitleSubjectKind;
  subjectId: string;
  subjectName: string;
  orgId: string;
  orgName: string;
  citizenGroup: string | null;
  state: RegistrationState;
  self: AssessmentHeadline | null;
  review: AssessmentHeadline | null;
  recognition: RecognitionHeadline | null;
  updatedAt: string;
}

export interface TitleRegistrationPage {
  items: TitleRegistrationRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** GET /titles/registrations/mine: the person my account is linked to (null: none) and their cases. */
export interface MyTitleRegistrations {
  person: { id: string; fullName: string } | null;
  items: TitleRegistrationRow[];
}

/** A registration as the acts answer it (POST /titles/registrations, /submit, /review, /withdraw). */
export interface TitleRegistrationView {
  id: string;
  year: number;
  title: string;
  subjectKind: TitleSubjectKind;
  subjectId: string;
  subjectName: string;
  orgId: string;
  orgName: string;
  citizenGroup: string | null;
  state: RegistrationState;
  reviewComment: string | null;
  decisionId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One record behind a derived value ("từ N bản ghi"; recognition/derived-facts.ts DerivedSource). */
export interface DerivedSourceView {
  kind: 'person' | 'household' | 'clan' | 'org' | 'recognition' | 'studyPlan' | 'learningRecord' | 'emulation';
  id: string;
  label: string;
}

export interface DerivedValueView {
  value: number | boolean | null;
  numerator?: number;
  denominator?: number;
  sources: DerivedSourceView[];
  sourcesTotal: number;
}

/** A saved assessment (stage self or review) with the engine's result (criteria/engines/types.ts EvaluationResult). */
export interface TitleAssessmentView {
  id: string;
  stage: 'self' | 'review';
  criteriaVersionId: string;
  attributes: SubjectAttribute[];
  inputs: AssessmentInputs;
  /** The derived values when it was saved. */
  derived: Record<string, DerivedValueView>;
  result: EvaluationResult | null;
  comment: string | null;
  assessedByName: string | null;
  submittedAt: string | null;
  updatedAt: string;
}

export interface RegistrationEventView {
  act: string;
  stateAfter: RegistrationState;
  comment: string | null;
  /** The result's headline (assess, submit, accept: total, max, band or level, passed) or the act's facts. */
  summary: Record<string, unknown> | null;
  actorName: string | null;
  createdAt: string;
}

/** GET /titles/registrations/:id: the case. */
export interface TitleRegistrationDetail {
  registration: TitleRegistrationView;
  subject: { kind: TitleSubjectKind; id: string; name: string; orgName: string; attributes: SubjectAttribute[] };
  /** The version the case is assessed against; null when no set is in force for the year. */
  criteriaVersion: { id: string; setId: string; no: number; document: CriteriaSetDocument } | null;
  self: TitleAssessmentView | null;
  review: TitleAssessmentView | null;
  derived: Record<string, DerivedValueView>;
  events: RegistrationEventView[];
  recognition: RecognitionHeadline | null;
  /** What the viewer may do now: self-assess, submit, assess as reviewer, accept/return/reject, withdraw. */
  can: { assess: boolean; submit: boolean; assessReview: boolean; review: boolean; withdraw: boolean };
}

export interface TitleSummaryRow {
  orgId: string;
  orgName: string;
  title: string;
  citizenGroup: string | null;
  eligible: number;
  registered: number;
  recognised: number;
  registeredShare: number | null;
  recognisedShare: number | null;
}

/** GET /titles/summary: per unit under the chosen one (rows) and for the whole subtree per title and group (totals). */
export interface TitleSummary {
  org: { id: string; name: string };
  year: number;
  rows: TitleSummaryRow[];
  totals: TitleSummaryRow[];
}

/** A row of GET /titles/decisions. */
export interface RecognitionDecisionRow {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  title: string;
  number: string | null;
  signedOn: string | null;
  signerName: string | null;
  signerPosition: string | null;
  issuingBody: string;
  state: 'draft' | 'issued';
  issuedAt: string | null;
  updatedAt: string;
  /** How many cases it lists. */
  count: number;
}

/** A case on a decision's annexed list: `id` is the recognition once issued, else the case. */
export interface DecisionEntryView {
  id: string;
  decisionId: string;
  year: number;
  title: string;
  registrationId: string;
  subjectKind: TitleSubjectKind;
  subjectId: string;
  subjectName: string;
  orgId: string;
  orgName: string;
  citizenGroup: string | null;
  /** The band or level recognised (issued), else the one accepted. */
  outcome: string | null;
  result: AssessmentHeadline | null;
  recognitionId: string | null;
  certificateCode: string | null;
  validFrom: string | null;
  validUntil: string | null;
  revokedAt: string | null;
}

/** GET /titles/decisions/:id (and what POST, PUT and /issue answer). */
export interface RecognitionDecisionView extends RecognitionDecisionRow {
  entries: DecisionEntryView[];
}

/** A row of GET /titles/recognitions. */
export interface RecognitionView {
  id: string;
  year: number;
  title: string;
  registrationId: string;
  subjectKind: TitleSubjectKind;
  subjectId: string;
  subjectName: string;
  orgId: string;
  orgName: string;
  outcome: string | null;
  validFrom: string;
  validUntil: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  certificateCode: string;
  decisionId: string;
  decisionNumber: string | null;
  decisionSignedOn: string | null;
  issuingBody: string;
  status: 'valid' | 'expired' | 'revoked';
}

export interface RecognitionPage {
  items: RecognitionView[];
  total: number;
  page: number;
  pageSize: number;
}

// ─── end of learning titles ───

// ─── Criteria sets (bộ tiêu chí) and the titles' calendar (docs/api.md, "Criteria sets") ───

export interface CriteriaVersionHeadline {
  versionId: string;
  no: number;
  state: 'draft' | 'published';
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** A row of GET /criteria-sets. */
export interface CriteriaSetItem {
  id: string;
  code: string;
  orgId: string | null;
  orgName: string | null;
  title: string;
  name: Bilingual;
  origin: 'builtin' | 'copy' | 'import' | string;
  engine: 'points' | 'levels' | null;
  source: { document: string; status: 'confirmed' | 'partial' } | null;
  scope: { level?: string; citizenGroups?: string[]; orgKinds?: string[]; description: Bilingual } | null;
  /** The newest published version, or the draft when none is published. */
  latest: CriteriaVersionHeadline | null;
  draftVersionId: string | null;
  /** Part of the set is not known yet: "Cần quản trị viên bổ sung". */
  incomplete: boolean;
  copiedFromVersionId: string | null;
  /** Whether the viewer may edit, publish and drop its draft. */
  canManage: boolean;
  updatedAt: string;
}

export interface CriteriaVersionRow {
  id: string;
  no: number;
  state: 'draft' | 'published';
  effectiveFrom: string;
  effectiveTo: string | null;
  publishedAt: string | null;
  publishedByName: string | null;
  note: string | null;
  builtin: boolean;
}

export interface CriteriaSetDetail {
  set: CriteriaSetItem;
  versions: CriteriaVersionRow[];
}

/** GET /criteria-set-versions/:id (the document is src/shared/criteria.ts CriteriaSetDocument). */
export interface CriteriaVersionView<Doc = unknown> {
  id: string;
  setId: string;
  no: number;
  state: 'draft' | 'published';
  effectiveFrom: string;
  effectiveTo: string | null;
  note: string | null;
  checksum: string;
  publishedAt: string | null;
  incomplete: boolean;
  document: Doc;
}

export interface CriteriaChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  criterion?: string;
  indicator?: string;
  field?: string;
  before?: unknown;
  after?: unknown;
}

export interface CriteriaDiff {
  from: { id: string; setId: string; code: string; no: number; state: string; effectiveFrom: string };
  to: { id: string; setId: string; code: string; no: number; state: string; effectiveFrom: string };
  changes: CriteriaChange[];
}

/** One date of an organisation's calendar (GET /calendar-dates). */
export interface CalendarEntryView {
  key: string;
  title?: string;
  step: string;
  month: number;
  day: number;
  yearOffset: number;
  label: Bilingual;
  source: string | null;
  status: 'confirmed' | 'local';
  setBy: { orgId: string; orgName: string } | null;
  default: { month: number; day: number; yearOffset: number } | null;
}

export interface CalendarView {
  org: { id: string; name: string };
  source?: string;
  canManage?: boolean;
  items: CalendarEntryView[];
}
