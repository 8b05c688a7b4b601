import type { ColumnType, Generated } from 'kysely';

/** Kysely table types, one per table of `migrations/`. JSON columns are written as strings. */
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A JSON column with a database default: may be left out when inserting. */
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface AccountsTable {
  id: Generated<string>;
  external_id: string;
  display_name: string | null;
  created_at: CreatedAt;
}

export interface ContentItemsTable {
  id: Generated<string>;
  external_id: string;
  kind: string;
  account_id: string | null;
  texts: Json<Record<string, string>>;
  media: Json<unknown[]>;
  audience: string;
  status: Generated<string>;
  restriction: string | null;
  metadata: Json<Record<string, unknown>>;
  fingerprint: string;
  version: Generated<number>;
  /** The platform's own creation time of the item (import rows' and batch items' `createdAt`). */
  posted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ContentVersionsTable {
  content_id: string;
  version: number;
  fingerprint: string;
  kind: string;
  texts: Json<Record<string, string>>;
  media: Json<unknown[]>;
  audience: string;
  metadata: Json<Record<string, unknown>>;
  created_by: string;
  created_at: CreatedAt;
  /** The import run that stored this version (migration 0019), if any. */
  import_run_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PolicyVersionsTable {
  version: number;
  policy_id: string;
  document: Json<unknown>;
  source: string;
  sha256: string;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
  active: Generated<boolean>;
  activated_at: Date | null;
}

export interface LexiconsTable {
  name: string;
  category: string;
  kind: string;
  active_version: number;
  enabled: Generated<boolean>;
  created_at: CreatedAt;
}

export interface LexiconVersionsTable {
  lexicon_name: string;
  version: number;
  entries: Json<unknown[]>;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface ScansTable {
  id: Generated<string>;
  content_id: string;
  policy_version: string;
  action: string;
  verdict: Json<unknown>;
  content_version: number | null;
  /** The sweep that made this scan (migration 0020); one per item and sweep. */
  sweep_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export interface OperatorUsersTable {
  id: Generated<string>;
  name: string;
  role: string;
  org: string | null;
  created_at: CreatedAt;
  disabled_at: Date | null;
  login: string | null;
  password_hash: string | null;
  password_changed_at: Date | null;
  invite_hash: string | null;
  invite_expires_at: Date | null;
  last_sign_in_at: Date | null;
  preferences: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface SessionsTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  idle_expires_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_reason: string | null;
  address: string | null;
  user_agent: string | null;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  window_start: Date;
  locked_until: Date | null;
}

export interface ApiKeysTable {
  id: Generated<string>;
  user_id: string;
  prefix: string;
  key_hash: string;
  label: string | null;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface DecisionsTable {
  id: Generated<string>;
  content_id: string;
  scan_id: string | null;
  actor_type: string;
  actor_id: string | null;
  action: string;
  category: string | null;
  legal_ground: string | null;
  automated_detection: boolean;
  automated_decision: boolean;
  statement: Json<unknown>;
  evidence: ColumnType<unknown, string | undefined, string>;
  reason: string | null;
  created_at: CreatedAt;
}

export interface WebhookEndpointsTable {
  id: Generated<string>;
  url: string;
  secret: string;
  events: ColumnType<string[], string[] | undefined, string[]>;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  endpoint_id: string;
  event_type: string;
  payload: Json<unknown>;
  status: Generated<string>;
  attempts: Generated<number>;
  last_status_code: number | null;
  last_error: string | null;
  created_at: CreatedAt;
  delivered_at: Date | null;
}

export interface SettingsTable {
  key: string;
  value: Json<unknown>;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  data: Json<unknown>;
  prev_hash: string;
  hash: string;
}

export interface AuditCheckpointsTable {
  id: Generated<number>;
  seq: number;
  hash: string;
  at: Date;
  key_id: string;
  public_key: string;
  signature: string;
}

export interface BanksTable {
  id: Generated<number>;
  name: string;
  description: string | null;
  enabled: Generated<boolean>;
  pdq_threshold: Generated<number>;
  min_quality: Generated<number>;
  vpdq_query_percent: Generated<number>;
  vpdq_compared_percent: Generated<number>;
  action: Generated<string>;
  category: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface BankEntriesTable {
  id: Generated<number>;
  bank_id: number;
  signal_type: string;
  value: string;
  quality: number | null;
  cropped: string | null;
  frames: NullableJson<unknown[]>;
  provenance: string;
  source_ref: string | null;
  category: string | null;
  note: string | null;
  enabled: Generated<boolean>;
  created_by: string;
  created_at: CreatedAt;
}

export interface ContentMediaHashesTable {
  content_id: string;
  media_index: number;
  kind: string;
  pdq: string | null;
  quality: number | null;
  cropped: string | null;
  cropped_quality: number | null;
  md5: string | null;
  sha256: string | null;
  frames: NullableJson<unknown[]>;
  created_at: CreatedAt;
}

export interface ModelsTable {
  name: string;
  version: number;
  metadata: Json<unknown>;
  weights: Buffer;
  sha256: string;
  source: string | null;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
  active: Generated<boolean>;
  activated_at: Date | null;
}

export interface Database {
  regulator_orders: RegulatorOrdersTable;
  regulator_order_targets: RegulatorOrderTargetsTable;
  regulator_liaisons: RegulatorLiaisonsTable;
  regulator_clarifications: RegulatorClarificationsTable;
  regulator_warnings: RegulatorWarningsTable;
  regulator_fines: RegulatorFinesTable;
  mail_outbox: MailOutboxTable;
  accounts: AccountsTable;
  content_items: ContentItemsTable;
  content_versions: ContentVersionsTable;
  policy_versions: PolicyVersionsTable;
  lexicons: LexiconsTable;
  lexicon_versions: LexiconVersionsTable;
  scans: ScansTable;
  operator_users: OperatorUsersTable;
  api_keys: ApiKeysTable;
  sessions: SessionsTable;
  sign_in_throttle: SignInThrottleTable;
  decisions: DecisionsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  audit_checkpoints: AuditCheckpointsTable;
  banks: BanksTable;
  bank_entries: BankEntriesTable;
  content_media_hashes: ContentMediaHashesTable;
  models: ModelsTable;
  media_analyses: MediaAnalysesTable;
  review_cases: ReviewCasesTable;
  review_case_events: ReviewCaseEventsTable;
  review_bulk_runs: ReviewBulkRunsTable;
  review_bulk_items: ReviewBulkItemsTable;
  reporters: ReportersTable;
  reports: ReportsTable;
  appeals: AppealsTable;
  strikes: StrikesTable;
  account_actions: AccountActionsTable;
  account_ages: AccountAgesTable;
  age_checks: AgeChecksTable;
  age_events: AgeEventsTable;
  age_cases: AgeCasesTable;
  parental_consents: ParentalConsentsTable;
  youth_deactivation_plans: YouthDeactivationPlansTable;
  youth_deactivation_accounts: YouthDeactivationAccountsTable;
  programme_nominations: ProgrammeNominationsTable;
  programme_contacts: ProgrammeContactsTable;
  youth_risk_assessments: YouthRiskAssessmentsTable;
  import_runs: ImportRunsTable;
  import_rejects: ImportRejectsTable;
  sweeps: SweepsTable;
  sweep_ranges: SweepRangesTable;
}

/** A sweep: stored content re-scanned in bulk, as a backtest or applied (migration 0020). */
export interface SweepsTable {
  id: Generated<string>;
  mode: string;
  status: Generated<string>;
  filter: JsonWithDefault<Record<string, unknown>>;
  candidate: NullableJson<Record<string, unknown>>;
  policy_version: string;
  fingerprint: string;
  override_human: Generated<boolean>;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  total: Generated<number>;
  run_started_at: NullableTimestamp;
  run_base: Generated<number>;
  error: NullableJson<{ code: string; message: string }>;
  report: NullableJson<unknown>;
}

/** A range of the content id space a sweep job works through, with its cursor and counters. */
export interface SweepRangesTable {
  sweep_id: string;
  idx: number;
  lo: string;
  hi: string | null;
  cursor: string | null;
  done: Generated<boolean>;
  processed: Generated<number>;
  changed: Generated<number>;
  acted: Generated<number>;
  counts: JsonWithDefault<Record<string, unknown>>;
  samples: JsonWithDefault<unknown[]>;
  updated_at: Timestamp;
}

/** A run of `saring import FILE` with its checkpoint (migration 0019). */
export interface ImportRunsTable {
  id: Generated<string>;
  source: string;
  file_bytes: ColumnType<string, number | string, number | string>;
  head_sha256: string;
  format: string;
  options: Json<Record<string, unknown>>;
  status: Generated<string>;
  byte_offset: ColumnType<string, number | string | undefined, number | string>;
  records: ColumnType<string, number | string | undefined, number | string>;
  counts: JsonWithDefault<Record<string, number>>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A row an import run rejected, and why. */
export interface ImportRejectsTable {
  run_id: string;
  record: ColumnType<string, number | string, number | string>;
  byte_offset: ColumnType<string, number | string, number | string>;
  external_id: string | null;
  code: string;
  message: string;
  excerpt: string;
}

export interface MediaAnalysesTable {
  id: Generated<string>;
  content_id: string;
  fingerprint: string;
  status: Generated<string>;
  job_id: string | null;
  findings: ColumnType<unknown[], string | undefined, string>;
  scan_id: string | null;
  error: NullableJson<{ code: string; message: string }>;
  created_at: CreatedAt;
  started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

type NullableDate = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ReviewCasesTable {
  id: Generated<string>;
  content_id: string;
  reason: string;
  queue: string;
  status: Generated<string>;
  lane: Generated<string>;
  category: string | null;
  policy_priority: Generated<string>;
  reports: Generated<number>;
  audience: Generated<string>;
  ref: string | null;
  priority_base: Generated<number>;
  priority_components: ColumnType<Record<string, number>, string | undefined, string>;
  rank: Generated<number>;
  due_at: Timestamp;
  claimed_by: string | null;
  claimed_at: NullableDate;
  claim_expires_at: NullableDate;
  escalated_by: string | null;
  escalated_at: NullableDate;
  escalation_reason: string | null;
  proposal: NullableJson<unknown>;
  proposed_by: string | null;
  decision_id: string | null;
  resolution: string | null;
  closed_by: string | null;
  closed_at: NullableDate;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_at: Timestamp;
}

export interface ReviewCaseEventsTable {
  id: Generated<number>;
  case_id: string;
  kind: string;
  actor: string;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  at: CreatedAt;
}

export interface ReviewBulkRunsTable {
  id: Generated<string>;
  requested_by: string;
  actor: string;
  action: string;
  category: string | null;
  template_id: string | null;
  reason: string | null;
  status: Generated<string>;
  total: number;
  job_id: string | null;
  error: string | null;
  created_at: CreatedAt;
  started_at: NullableDate;
  finished_at: NullableDate;
}

export interface ReviewBulkItemsTable {
  run_id: string;
  position: number;
  case_id: string;
  status: Generated<string>;
  outcome: string | null;
  message: string | null;
  decision_id: string | null;
  finished_at: NullableDate;
}

export interface ReportersTable {
  id: Generated<string>;
  key: string;
  external_id: string | null;
  contact: string | null;
  name: string | null;
  reports: Generated<number>;
  actioned: Generated<number>;
  rejected: Generated<number>;
  bad_faith: Generated<boolean>;
  bad_faith_at: NullableDate;
  bad_faith_by: string | null;
  bad_faith_reason: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ReportsTable {
  id: Generated<string>;
  content_id: string;
  case_id: string | null;
  reporter_id: string | null;
  reporter: ColumnType<Record<string, unknown>, string | undefined, string>;
  anonymous: Generated<boolean>;
  category: string | null;
  reason: string;
  screenshot: string | null;
  url: string | null;
  counted: boolean;
  bad_faith: Generated<boolean>;
  status: Generated<string>;
  decision_id: string | null;
  answer: NullableJson<{ id: string; en: string }>;
  created_by: string;
  created_at: CreatedAt;
  resolved_at: NullableDate;
}

export interface AppealsTable {
  id: Generated<string>;
  decision_id: string;
  content_id: string;
  case_id: string | null;
  appellant: ColumnType<Record<string, unknown>, string | undefined, string>;
  reason: string;
  window_ends_at: Date;
  status: Generated<string>;
  resolving_decision_id: string | null;
  decided_by: string | null;
  decided_by_actor: string | null;
  decision_reason: string | null;
  answer: NullableJson<{ id: string; en: string }>;
  created_by: string;
  created_at: CreatedAt;
  decided_at: NullableDate;
}

export interface StrikesTable {
  id: Generated<string>;
  account_id: string;
  content_id: string;
  decision_id: string;
  category: string | null;
  weight: number;
  expires_at: Date;
  created_at: CreatedAt;
  removed_at: NullableDate;
  removed_reason: string | null;
  removed_by_decision: string | null;
}

export interface AccountActionsTable {
  id: Generated<string>;
  account_id: string;
  action: string;
  level: string | null;
  points: number;
  threshold: number | null;
  strike_id: string | null;
  decision_id: string | null;
  statement: Json<unknown>;
  until: NullableDate;
  actor: string;
  created_at: CreatedAt;
}

// Migration 0012: the regulator channel.
export interface RegulatorOrdersTable {
  id: Generated<string>;
  organisation: string;
  order_number: string;
  category: string;
  urgent: Generated<boolean>;
  legal_basis: string;
  legal_analysis: string | null;
  requested_action: Generated<string>;
  letter: string | null;
  screenshots: JsonWithDefault<string[]>;
  issued_at: NullableTimestamp;
  received_at: Timestamp;
  due_at: Date | string;
  reminders: JsonWithDefault<number[]>;
  breached_at: NullableTimestamp;
  created_by: string;
  urgent_clock: boolean | null;
  clock_seconds: number | null;
  policy_version: number | null;
  answer: NullableJson<Record<string, unknown>>;
  answered_by: string | null;
  answered_at: NullableTimestamp;
}

export interface RegulatorOrderTargetsTable {
  id: Generated<string>;
  order_id: string;
  position: number;
  kind: string;
  value: string;
  content_id: string | null;
  case_id: string | null;
  status: string;
  decision_id: string | null;
  handled_at: NullableTimestamp;
  proof: NullableJson<Record<string, unknown>>;
}

export interface RegulatorClarificationsTable {
  id: Generated<string>;
  order_id: string;
  target_id: string;
  reason: string;
  text: string;
  evidence: JsonWithDefault<string[]>;
  target_status: string;
  created_by: string;
  created_at: Timestamp;
}

/** Dates are `date` columns: read them as text (`letter_date::text`), written as YYYY-MM-DD. */
export interface RegulatorWarningsTable {
  id: Generated<string>;
  order_id: string;
  level: number;
  letter_date: string;
  letter_number: string;
  file: string | null;
  commitment_date: string | null;
  commitment_reference: string | null;
  commitment_file: string | null;
  created_by: string;
  created_at: Timestamp;
}

/** `amount_idr` is a bigint: read it as text, written as a string. */
export interface RegulatorFinesTable {
  id: Generated<string>;
  order_id: string;
  warning_id: string;
  amount_idr: string;
  position: Generated<number>;
  imposed_on: string;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface RegulatorLiaisonsTable {
  organisation: string;
  name: string;
  email: string;
  updated_by: string;
  updated_at: Timestamp;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  to_name: string | null;
  subject: string;
  body: string;
  kind: string;
  ref: string | null;
  created_at: CreatedAt;
  sent_at: NullableTimestamp;
}

/** Youth ages (0016, youth/age/). `date_of_birth` is a `date`: read it as text, written as YYYY-MM-DD. */
export interface AccountAgesTable {
  account_id: string;
  band: string;
  assurance: string;
  status: string;
  next_band_at: NullableTimestamp;
  date_of_birth: string | null;
  source: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AgeChecksTable {
  id: Generated<string>;
  account_id: string;
  method: string;
  result: string;
  outcome: NullableJson<Record<string, unknown>>;
  checked_at: Timestamp;
  created_by: string;
  created_at: CreatedAt;
  purged_at: NullableTimestamp;
}

export interface AgeEventsTable {
  id: Generated<string>;
  account_id: string;
  kind: string;
  actor: string;
  reason: string | null;
  before: NullableJson<Record<string, unknown>>;
  after: NullableJson<Record<string, unknown>>;
  evidence: NullableJson<Record<string, unknown>>;
  check_id: string | null;
  case_id: string | null;
  at: Timestamp;
  evidence_purged_at: NullableTimestamp;
}

export interface AgeCasesTable {
  id: Generated<string>;
  account_id: string;
  kind: string;
  queue: string;
  status: Generated<string>;
  requested_by: string;
  claim: Json<Record<string, unknown>>;
  check_id: string | null;
  evidence: NullableJson<Record<string, unknown>>;
  score: number | null;
  content_id: string | null;
  before: NullableJson<Record<string, unknown>>;
  opened_by: string;
  opened_at: Timestamp;
  updated_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  reason: string | null;
  evidence_purged_at: NullableTimestamp;
}

export interface ParentalConsentsTable {
  id: Generated<string>;
  account_id: string;
  given_by: string;
  relation: string;
  given_at: Timestamp;
  scope: JsonWithDefault<string[]>;
  withdrawn_at: NullableTimestamp;
  withdrawn_by: string | null;
  created_by: string;
  created_at: CreatedAt;
}

/** The under-16 deactivation programme (0017, youth/deactivation/). */
export interface YouthDeactivationPlansTable {
  id: Generated<string>;
  reasons: Json<string[]>;
  found: Json<Record<string, number>>;
  settings: Json<Record<string, unknown>>;
  note: string | null;
  accounts: number;
  created_by: string;
  created_at: CreatedAt;
}

export interface YouthDeactivationAccountsTable {
  id: Generated<string>;
  plan_id: string;
  account_id: string;
  reasons: Json<string[]>;
  phase: string;
  phase_at: Timestamp;
  requested_at: NullableTimestamp;
  verify_by: Timestamp;
  deactivate_on: NullableTimestamp;
  notice_at: NullableTimestamp;
  deactivated_at: NullableTimestamp;
  cleared_at: NullableTimestamp;
  cleared_from: string | null;
}

/** The PP Tunas risk self-assessment's versions (0017, youth/risk/). */
export interface YouthRiskAssessmentsTable {
  version: number;
  summary: string | null;
  aspects: Json<Record<string, unknown>>;
  created_by: string;
  created_by_name: string;
  created_at: CreatedAt;
}

/** The educational programme (0018, youth/programme/). */
export interface ProgrammeNominationsTable {
  id: Generated<string>;
  content_id: string;
  band: string;
  topic: string;
  note: string | null;
  organisation: string;
  status: Generated<string>;
  nominated_by: string;
  nominated_by_user: string;
  nominated_at: Generated<Date>;
  decided_by: string | null;
  decided_by_user: string | null;
  decided_organisation: string | null;
  decided_at: NullableDate;
  decision_reason: string | null;
  checks: NullableJson<unknown>;
  catalogued_at: NullableDate;
  left_at: NullableDate;
  left_reason: string | null;
  left_detail: NullableJson<Record<string, unknown>>;
  updated_at: Timestamp;
}

export interface ProgrammeContactsTable {
  organisation: string;
  name: string;
  email: string;
  updated_by: string;
  updated_at: Timestamp;
}
