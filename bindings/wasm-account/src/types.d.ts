/** STIL's password rules for a group; `PasswordOptions.policy` overrides any of them. */
export interface PasswordPolicy {
  may_choose: boolean;
  min_length: number;
  max_length: number;
  require_lowercase: boolean;
  require_uppercase: boolean;
  require_digit: boolean;
  forbid_names: boolean;
  forbid_seasons: boolean;
  forbid_common: boolean;
  history_depth: number;
}

/** Who chooses the password. */
export interface PasswordOptions {
  group: UserGroup;
  /** The user's names, whole or in parts; without them `no_name` is `not_checked`. */
  names?: string[];
  /** Earlier passwords, most recent first, as Argon2id PHC strings or
   * `sha256$<salt hex>$<digest hex>`; absent: `not_recent` is `not_checked`, `[]`: a user with
   * none (checked, met). */
  history?: string[];
  /** Overrides of STIL's rules for the group. */
  policy?: Partial<PasswordPolicy>;
}

/** The password rules, in checklist order. */
export type PasswordRuleId =
  | "length"
  | "lowercase"
  | "uppercase"
  | "digit"
  | "characters"
  | "no_name"
  | "no_season"
  | "not_common"
  | "not_recent";

/** One line of the live checklist. */
export interface PasswordRuleCheck {
  rule: PasswordRuleId;
  /** The label in the requested language, e.g. "Mellem 8 og 24 tegn". */
  label: string;
  /** `not_checked`: the rule applies but the options gave nothing to check it against (no
   * `names` for `no_name`, no `history` for `not_recent`); it is never shown as met. */
  status: "met" | "not_met" | "not_checked" | "not_applicable";
  /** `null` when the rule was not checked or the group's policy does not apply it. */
  met: boolean | null;
}

/** A password check: every violation (`{type, msg, ctx}`) and every rule's status. */
export interface PasswordReport {
  /** No rule that was checked is broken. */
  ok: boolean;
  /** Every rule that applies was checked (none is `not_checked`). */
  complete: boolean;
  violations: { type: string; msg: string; ctx: Ctx }[];
  rules: PasswordRuleCheck[];
}

/** A text in Danish and English. */
export interface Localized {
  da: string;
  en: string;
}

/** Who carries out an onboarding step. */
export type Actor = "municipality" | "vendor" | "daycare" | "stil" | "employee_or_parent";

/** One step of an onboarding journey. */
export interface OnboardingStep {
  id: string;
  actor: Actor;
  recipient: Actor | null;
  requirement: "mandatory" | "recommended" | "advisory" | "conditional";
  prerequisites: string[];
  title: Localized;
  explanation: Localized;
  source: string;
}

/** The onboarding journey of one legal basis, per STIL's guide. */
export interface OnboardingPlan {
  legal_basis: LegalBasisKey;
  source: string;
  steps: OnboardingStep[];
}

/** What a login guide helps with. */
export type LoginTask = "activation" | "forgotten_password" | "login_failed" | "change_password";

/** The user of a login guide, role and grade as roster exports give them. */
export interface LoginUser {
  role: string;
  grade?: string | number | null;
  has_own_mitid: boolean;
  age?: number | null;
}

/** The options of a login guide: the cause of a failed login, and the pupils' MitID ages. */
export interface LoginOptions {
  cause?: "wrong_username_or_password" | "no_access_to_service";
  policy?: { own_mitid_create_min_age?: number; own_mitid_reset_min_age?: number };
}

/** Someone who can (or cannot) help. */
export interface LoginHelper {
  id: string;
  name: Localized;
  how: Localized;
}

/** A login guide: ordered steps (consecutive steps with the same `choice` are alternatives),
 * who can help and who cannot. */
export interface LoginGuide {
  task: LoginTask;
  cause: "wrong_username_or_password" | "no_access_to_service" | null;
  title: Localized;
  steps: { id: string; actor: "user" | "parent" | "teacher"; choice: string | null; text: Localized }[];
  helpers: LoginHelper[];
  cannot_help: LoginHelper[];
  source: string;
}

/** The options of an assigned password. */
export interface AssignOptions {
  /** The user's names: an assigned password never contains one. */
  names?: string[];
  /** Overrides of the group's policy. */
  policy?: Partial<PasswordPolicy>;
}

/** An assigned password, for the one screen that shows it to its user. */
export type AssignedPassword =
  | { kind: "pictures"; /** Picture ids in order. */ pictures: string[]; /** The pictures' names in the language asked for. */ shown: string }
  | { kind: "text"; text: string; /** The text to show: the password itself. */ shown: string };

/** Whose password it is: exactly one of `group`, `grade` or `role`. */
export interface ExpiryUser {
  group?: UserGroup;
  /** A pupil's school grade (0–10), on the date `on`. */
  grade?: number;
  /** A role as rosters give it, e.g. `{ role: "pupil", grade: 7 }`, on the date `on`. */
  role?: Record<string, unknown>;
  /** The date (`YYYY-MM-DD`, normally today) a grade or role is taken on. */
  on?: string;
  /** For a group of pupils: the date they moved into its band, if the host knows it. */
  band_changed_on?: string;
}

/** STIL's expiry rules; `ExpiryOptions.policy` overrides any of them. */
export interface ExpiryPolicy {
  band_change_days: number;
  yearly_days: number;
  warn_days: number;
  school_year_start: { month: number; day: number };
}

/** The options of `passwordExpiry`. */
export interface ExpiryOptions {
  /** An instant (RFC 3339) to give the `status` at, normally now. */
  at?: string | Date;
  policy?: Partial<ExpiryPolicy>;
}

/** A pupil's grade band. */
export type GradeBand = "indskoling" | "mellemtrin" | "udskoling";

/** When a password must be changed and from when to warn, with the reason. */
export type PasswordExpiry = {
  /** The first instant (RFC 3339) at which the password is expired; `null` when none is due. */
  must_change_by: string | null;
  /** The first instant at which to warn, or `null`. */
  warn_from: string | null;
  /** At `ExpiryOptions.at`, when given. */
  status?: "ok" | "warn" | "expired";
} & (
  | { reason: "band_change"; from: GradeBand; to: GradeBand; changed_on: string }
  | { reason: "yearly" }
  | { reason: "until_band_change"; next_band_change: string | null }
);

/** The formats of a reset grant's one-time code. */
export type CodeFormat = "digits6" | "crockford8";

/** An entered one-time code, checked. */
export interface ResetCode {
  /** Canonical: `482915`, `7KQM2XWD`. */
  code: string;
  /** Grouped for reading aloud: `482 915`, `7KQM-2XWD`. */
  grouped: string;
}

/** The options of `provisioningEstimate`: STIL's defaults unless given. */
export interface EstimateOptions {
  already_has_unilogin?: boolean;
  /** The Danish local import times, `HH:MM` (default one import at 02:00). */
  schedule?: string[];
  typical_hours_after_creation?: number;
  latest_hours_after_import?: number;
  /** An instant (RFC 3339) to give the `status` at, normally now. */
  at?: string | Date;
}

/** When a new user can expect to log in. */
export interface ProvisioningEstimate {
  created_at: string;
  readiness: "immediately" | "after_import";
  /** The import that picks the user up: its instant, its Danish local time, the scheduled time, and whether the clock skipped or repeated it (daylight saving). */
  next_import: { at: string; local: string; scheduled: string; clock: "normal" | "skipped" | "repeated" } | null;
  typical_ready: string;
  latest_ready: string;
  /** One sentence in the language asked for. */
  summary: string;
  /** At `EstimateOptions.at`, when given. */
  status?: "not_created_yet" | "awaiting_import" | "imported" | "should_work" | "overdue";
}
