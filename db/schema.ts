import type { ColumnType, Generated, GeneratedAlways } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

/** A wizard run: answers kept server-side under a random id (never in the URL as data). */
export interface EligibilityChecksTable {
  id: string;
  answers: Json<Record<string, unknown>>;
  result: Json<unknown> | null;
  as_of: string | null;
  lang: string;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  completed_at: Timestamp | null;
}

type JsonList = ColumnType<string[], string, string>;

/** Columns every directory table shares: status, source, verification date, search text, timestamps. */
interface DirectoryCommon {
  id: string;
  status: Generated<"active" | "retired">;
  cities: JsonList;
  languages: JsonList;
  note_en: string | null;
  note_zh: string | null;
  phone: string | null;
  website: string | null;
  source_title: string;
  source_url: string | null;
  /** Who published the source (an agency, a bank, a school, a newspaper). */
  source_publisher: string | null;
  /** The date the source itself gives (YYYY, YYYY-MM or YYYY-MM-DD). */
  source_date: string | null;
  /** Only old press or a secondary site backs the entry. */
  unverified: Generated<boolean>;
  /** YYYY-MM-DD: when the entry was last checked against its source. */
  last_verified: string;
  /** Lower-cased text of the bilingual fields, a generated column. */
  search_text: GeneratedAlways<string>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  retired_at: Timestamp | null;
}

/** Bilingual bank branches and one-stop banking. */
export interface BankBranchesTable extends DirectoryCommon {
  bank_en: string | null;
  bank_zh: string | null;
  branch_en: string | null;
  branch_zh: string | null;
  district_en: string | null;
  district_zh: string | null;
  address_en: string | null;
  address_zh: string | null;
  hours_en: string | null;
  hours_zh: string | null;
  services: JsonList;
}

/** Foreign-language rental agents and businesses. */
export interface RentalServicesTable extends DirectoryCommon {
  name_en: string | null;
  name_zh: string | null;
  address_en: string | null;
  address_zh: string | null;
  email: string | null;
  services: JsonList;
}

/** Bilingual departments, transition and children's classes, international schools. */
export interface EducationProgrammesTable extends DirectoryCommon {
  name_en: string | null;
  name_zh: string | null;
  eligibility_en: string | null;
  eligibility_zh: string | null;
  how_to_apply_en: string | null;
  how_to_apply_zh: string | null;
  address_en: string | null;
  address_zh: string | null;
  curriculum_en: string | null;
  curriculum_zh: string | null;
  kinds: JsonList;
  levels: JsonList;
  curricula: JsonList;
}

export type UserRole = "applicant" | "consultant" | "supervisor";
export type CaseKind = "consultation" | "application" | "directory-correction";
export type CaseStatus =
  | "received"
  | "assigned"
  | "in_review"
  | "waiting_for_applicant"
  | "ready_to_file"
  | "filed"
  | "decided"
  | "closed";
export type CaseEventKind =
  | "created"
  | "message"
  | "note"
  | "status"
  | "assignment"
  | "document"
  | "update"
  | "satisfaction";
export type Visibility = "public" | "internal";
export type AuthTokenPurpose = "verify-email" | "reset-password";
export type OutboxStatus = "pending" | "sending" | "sent" | "failed";
export type DocumentMime = "application/pdf" | "image/jpeg" | "image/png";

/** Applicants and staff; `email` is stored lower-cased. A deleted account keeps its row, anonymised. */
export interface UsersTable {
  id: Generated<string>;
  email: string;
  email_verified_at: Timestamp | null;
  password_hash: string | null;
  password_changed_at: Timestamp | null;
  role: Generated<UserRole>;
  name: string | null;
  preferred_lang: Generated<string>;
  /** Staff: the office they work from (content/site/offices.json ids). */
  office: string | null;
  consent_at: Timestamp | null;
  consent_version: string | null;
  deleted_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  /** When a second factor (staff TOTP, issue 6) was verified in this session. */
  second_factor_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

/** Single-use, expiring email-verification and password-reset tokens (hash only). */
export interface AuthTokensTable {
  id: Generated<string>;
  user_id: string;
  purpose: AuthTokenPurpose;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

/** Failed sign-in counters per key (`account:<email>` or `ip:<address>`), shared by every server process. */
export interface LoginAttemptsTable {
  key: string;
  failures: Generated<number>;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
  updated_at: Timestamp;
}

/** A consultation or an application, tracked from received to closed. */
export interface CasesTable {
  id: Generated<string>;
  /** Human reference, TT-<year>-<6 digits> from case_reference_seq. */
  reference: string;
  kind: CaseKind;
  pathway: string | null;
  status: Generated<CaseStatus>;
  applicant_id: string | null;
  assignee_id: string | null;
  subject: string | null;
  /** Form answers: personal details, family, pathway fields (application) or question and channel (consultation). */
  details: Json<Record<string, unknown>>;
  office: string | null;
  contact_channel: string | null;
  vip: Generated<boolean>;
  lang: string;
  nationality: string | null;
  due_at: Timestamp | null;
  waiting_since: Timestamp | null;
  first_response_at: Timestamp | null;
  last_activity_at: Timestamp;
  closed_at: Timestamp | null;
  /** Optimistic locking: bump on every change, compare on write. */
  version: Generated<number>;
  eligibility_check_id: string | null;
  eligibility_snapshot: Json<unknown> | null;
  rules_version: string | null;
  submission_token: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Lower-cased reference, subject, applicant name and email; kept by a trigger (issue 6), trigram-indexed. */
  search_text: ColumnType<string | null, string | null | undefined, string | null>;
  /** Next first- or next-response target in Taiwan business hours; kept by a trigger from sla_settings. */
  response_due_at: Timestamp | null;
  /** Since when the applicant's latest message waits for a staff reply (trigger on case_events; cleared by a staff reply). */
  awaiting_reply_since: Timestamp | null;
  /** The applicant's name as given with the case (the passport name of an application), else their account name. */
  applicant_name: string | null;
}

/** Append-only case history: messages, internal notes, status changes, assignments. */
export interface CaseEventsTable {
  id: Generated<string>;
  case_id: string;
  kind: CaseEventKind;
  visibility: Visibility;
  author_id: string | null;
  body: string | null;
  /** Kind-specific data, e.g. `{ from, to, reason }` for a status change. */
  data: Json<Record<string, unknown>>;
  created_at: Timestamp;
  /** The form's hidden token for messages: a resent form writes (and emails) once. */
  submission_token: string | null;
}

/** The last event an applicant has seen on a case ("Your cases" marks newer staff replies as unread). */
export interface CaseReadsTable {
  case_id: string;
  user_id: string;
  last_event_id: string;
  read_at: Generated<Timestamp>;
}

/** An application being filled in; submitting creates the case once (submission_token). */
export interface ApplicationDraftsTable {
  id: Generated<string>;
  user_id: string;
  pathway: string;
  eligibility_check_id: string | null;
  eligibility_snapshot: Json<unknown> | null;
  rules_version: string | null;
  data: Json<Record<string, unknown>>;
  submission_token: string;
  case_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Uploaded files, bytes stored in the database; type sniffed from the bytes. */
export interface DocumentsTable {
  id: Generated<string>;
  owner_id: string | null;
  case_id: string | null;
  draft_id: string | null;
  case_event_id: string | null;
  checklist_item: string | null;
  filename: string;
  mime: DocumentMime;
  size: number;
  sha256: string;
  content: Uint8Array;
  created_at: Timestamp;
}

/** Emails to send, written in the same transaction as the change that causes them. */
export interface OutboxTable {
  id: Generated<string>;
  to_address: string;
  user_id: string | null;
  lang: string;
  template: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  claimed_by: string | null;
  claimed_at: Timestamp | null;
  sent_at: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
}

/** "Did we answer your question?", one per case. */
export interface SatisfactionAnswersTable {
  id: Generated<string>;
  case_id: string;
  user_id: string | null;
  answer: "yes" | "partly" | "no";
  created_at: Timestamp;
}

/** A staff member's TOTP secret (RFC 6238, base32); last accepted time step refuses replays. */
export interface StaffCredentialsTable {
  user_id: string;
  /** `v1:<iv>:<ciphertext+tag>` (AES-256-GCM, `totp-secrets.server.ts`); plain base32 only in rows not yet sealed. */
  totp_secret: string;
  totp_last_step: ColumnType<string | null, string | number | null, string | number | null>;
  enrolled_at: Timestamp | null;
  created_at: Timestamp;
}

/** One-time recovery codes (SHA-256 only). */
export interface StaffRecoveryCodesTable {
  code_hash: string;
  user_id: string;
  used_at: Timestamp | null;
}

/** Reply templates per locale, managed by supervisors. */
export interface CannedRepliesTable {
  id: Generated<string>;
  lang: string;
  title: string;
  body: string;
  updated_by: string | null;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The single row of response targets, counted in Taiwan business hours. */
export interface SlaSettingsTable {
  id: number;
  first_response_hours: number;
  next_response_hours: number;
  day_start: string;
  day_end: string;
  workdays: number[];
  updated_at: Timestamp;
}

export interface BusinessHolidaysTable {
  day: ColumnType<string, string, string>;
  label: string;
}

/** How many closed cases share one combination of the inbox filters; kept by statement triggers on cases. */
export interface ClosedCaseCountsTable {
  office: string | null;
  kind: string;
  pathway: string | null;
  nationality: string | null;
  lang: string;
  vip: boolean;
  assignee_id: string | null;
  n: ColumnType<string, never, never>;
}

/** Who viewed or changed what, when and from where. Append-only (a trigger refuses UPDATE and DELETE). */
export interface AuditLogTable {
  id: Generated<string>;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  case_id: string | null;
  case_reference: string | null;
  detail: Json<Record<string, unknown>>;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
}

export interface Database {
  case_reads: CaseReadsTable;
  eligibility_checks: EligibilityChecksTable;
  bank_branches: BankBranchesTable;
  rental_services: RentalServicesTable;
  education_programmes: EducationProgrammesTable;
  users: UsersTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  login_attempts: LoginAttemptsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  application_drafts: ApplicationDraftsTable;
  documents: DocumentsTable;
  outbox: OutboxTable;
  satisfaction_answers: SatisfactionAnswersTable;
  staff_credentials: StaffCredentialsTable;
  staff_recovery_codes: StaffRecoveryCodesTable;
  canned_replies: CannedRepliesTable;
  sla_settings: SlaSettingsTable;
  business_holidays: BusinessHolidaysTable;
  audit_log: AuditLogTable;
  closed_case_counts: ClosedCaseCountsTable;
  content_version: ContentVersionTable;
  rule_alert_consents: RuleAlertConsentsTable;
  rule_alert_runs: RuleAlertRunsTable;
  rule_alerts: RuleAlertsTable;
  expiring_documents: ExpiringDocumentsTable;
  document_reminders: DocumentRemindersTable;
  reminder_unsubscribe_tokens: ReminderUnsubscribeTokensTable;
}

/** One row: bumped by triggers whenever content that anonymous pages show changes (the page cache's key). */
export interface ContentVersionTable {
  id: number;
  version: string;
}

type BigId = ColumnType<string, never, never>;
type Count = ColumnType<string, string | number | undefined, string | number>;

/** "Tell me when the rules change for this": one per stored result or case, off unless given, withdrawable. */
export interface RuleAlertConsentsTable {
  id: BigId;
  user_id: string;
  /** The stored result watched; moves to the new result each time the job re-evaluates it. */
  check_id: string | null;
  case_id: string | null;
  given_at: Timestamp;
  withdrawn_at: Timestamp | null;
  updated_at: Timestamp;
}

export type RuleAlertPhase = "checks" | "cases" | "done";

/** One re-evaluation per rule set that took effect; the keyset cursor makes it resumable. */
export interface RuleAlertRunsTable {
  id: BigId;
  pathway: string;
  rule_set_version: string;
  effective_from: string;
  /** The Taipei day the run evaluates on (fixed when it is created, so every batch uses the same). */
  as_of: string;
  phase: Generated<RuleAlertPhase>;
  /** The last consent id (checks phase) or case id (cases phase) done. */
  cursor: string | null;
  examined: Count;
  alerted: Count;
  batches: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

/** What changed for one person (a stored result or a case) under one rule set; unique per subject and rule set. */
export interface RuleAlertsTable {
  id: BigId;
  run_id: string | number;
  /** `check:<id>` or `case:<uuid>`. */
  subject: string;
  rule_set_version: string;
  pathway: string;
  effective_from: string;
  user_id: string | null;
  check_id: string | null;
  new_check_id: string | null;
  case_id: string | null;
  /** An e-mail was queued with the alert (the person consented). */
  emailed: boolean;
  change: Json<Record<string, unknown>>;
  created_at: Timestamp;
  /** When the case's consultant opened the case after the alert (clears the inbox flag). */
  staff_seen_at: Timestamp | null;
}

/** A document an applicant recorded so the portal reminds them before it expires (theirs or a family member's). */
export interface ExpiringDocumentsTable {
  id: Generated<string>;
  user_id: string;
  kind: "gold-card" | "resident-certificate" | "passport" | "work-permit";
  /** A family member's name; null when the document is the account holder's own. */
  holder_name: string | null;
  expires_on: ColumnType<string, string, string>;
  /** The person's own reminder: this many days before expiry (null: none). */
  remind_days_before: number | null;
  /** The person's own reminder on a chosen day (null: none). */
  remind_on: ColumnType<string | null, string | null, string | null>;
  /** Set by the unsubscribe link: no reminder fires for the document after that. */
  reminders_off_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  updated_at: Timestamp;
}

/** One reminder point of a document; (document_id, point_key) is unique, so a point is queued at most once. */
export interface DocumentRemindersTable {
  id: Generated<string>;
  document_id: string;
  /** `source:<point id>:<YYYY-MM-DD>` for a point from content/reminders/points.json, `own:<YYYY-MM-DD>` for the person's own (keys carry the due day). */
  point_key: string;
  /** The content point id, or null for the person's own choice. */
  source_point: string | null;
  /** The Taipei calendar day the reminder is due. */
  due_on: ColumnType<string, string, string>;
  status: Generated<"pending" | "sent">;
  sent_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}

/** Single-use unsubscribe links from reminder emails; only the SHA-256 of the token is stored. */
export interface ReminderUnsubscribeTokensTable {
  token_hash: string;
  document_id: string;
  used_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}
