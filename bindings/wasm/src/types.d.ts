/** The language of messages and labels. Tags such as `da-DK` and `en-GB` are accepted too. */
export type Lang = "da" | "en" | (string & {});

/** One step of a problem's location: a field key or a 0-based row index. */
export type LocItem = string | number;

/** The template values of a problem (`ctx`). */
export type Ctx = Record<string, string | number>;

/** One problem, the shape every language shares: `{type, loc, msg, input, ctx}`. */
export interface Problem {
  /** A stable snake_case code from the error catalogue, e.g. `cvr_checksum`. */
  type: string;
  /** Where the problem is, outermost first, e.g. `["cvr"]`. */
  loc: LocItem[];
  /** The message in the requested language. */
  msg: string;
  /** The raw input, or `null` when the field was absent. */
  input: string | null;
  /** The template values. */
  ctx: Ctx;
}

/**
 * What the package throws for a problem the core reports (`formatPhone("0")`): an `Error`
 * carrying the problem's fields; `code` equals `type`, `message` equals `msg`.
 */
export interface UniloginError extends Error, Problem {
  code: string;
}

/** What the package throws for a wrong argument (an unknown key, a number for a string). */
export interface InvalidArgumentError extends TypeError {
  code: "invalid_argument";
  /** The argument's name where the core parsed it (`kind`, `lang`, `group`, …). */
  argument?: string;
}

/** The record kinds: an institution-number request, a Dagtilbudsregisteret row, a roster row. */
export type RecordKind = "request" | "register" | "user";

/** The canonical keys of the institution-number request, in form order. */
export type RequestKey =
  | "cvr"
  | "p_number"
  | "institution_name"
  | "street"
  | "house_number"
  | "postal_code"
  | "city"
  | "municipality"
  | "email"
  | "phone"
  | "legal_basis"
  | "institution_type"
  | "address"
  | "floor"
  | "door";

/** A request as a form holds it: text (or numbers) by canonical key; absent keys are missing. */
export type RequestInput = Partial<Record<RequestKey, string | number | null>>;

/** The legal bases of dagtilbudsloven § 19 (stk. 2, 3, 4, 5) by key. */
export type LegalBasisKey = "kommunal" | "selvejet" | "udliciteret" | "privat";

/** A valid institution-number request, canonical. */
export interface InstitutionNumberRequest {
  cvr: string;
  p_number: string;
  institution_name: string;
  street: string;
  house_number: string;
  /** The floor (`st`, `2`, `kl`), when the address has one. */
  floor?: string;
  /** The door (`tv`, `th`, `3`), when the address has one. */
  door?: string;
  postal_code: string;
  city: string;
  municipality: string;
  email: string;
  phone: string;
  legal_basis: "kommunal" | "selvejet" | "privat";
  /** 6010, 6011 or 6012 under STIL's policy; a host's `request_institution_types` may add
   * other recognised codes. */
  institution_type: InstitutionTypeCode;
}

/** A record checked whole: the canonical record, or every problem. */
export type Validation<T = Record<string, unknown>> =
  | { ok: true; value: T; problems: [] }
  | { ok: false; value: null; problems: Problem[] };

/** One request field checked alone: its canonical value, or its problem (at most one). An
 * optional field left out (`address`, `floor`, `door`) is valid with the value `null`; the
 * address line's value is its parts as an object. */
export type FieldValidation =
  | { key: RequestKey; ok: true; value: string | number | Record<string, string> | null; problems: [] }
  | { key: RequestKey; ok: false; value: null; problems: [Problem] };

/** The kinds of single value `parseValue` knows. */
export type ValueKind =
  | "cvr"
  | "p_number"
  | "institution_number"
  | "municipality"
  | "phone"
  | "email"
  | "cpr"
  | "postal_code"
  | "house_number"
  | "street"
  | "city"
  | "institution_name"
  | "legal_basis"
  | "legal_basis_accepted"
  | "institution_type"
  | "institution_type_accepted"
  | "username"
  | "grade"
  | "floor"
  | "door"
  | "address";

/** A municipality suggestion. */
export interface MunicipalityChoice {
  /** The 3-digit code, e.g. 169. */
  code: number;
  /** The official name, e.g. `Høje-Taastrup`. */
  name: string;
}

/** The user groups of STIL's password rules. */
export type UserGroup =
  | "indskoling"
  | "mellemtrin"
  | "udskoling"
  | "youth_education"
  | "employee"
  | "parent";

/** The recognised institution type codes (instType3). */
export type InstitutionTypeCode = 6010 | 6011 | 6012 | 6013 | 6014 | 6020 | 6021 | 6022;

/** Overrides of the validation policy, the rules of medium or low confidence (docs/domain.md);
 * every field is optional and keeps STIL's value when absent. */
export interface ValidationPolicyOverrides {
  /** Enforce the P-number modulus-11 check (default true). */
  p_number_checksum?: boolean;
  /** The last P-number checked with the old weights (default 1006959421). */
  p_number_weight_switch?: number;
  /** The register's ownership code (ejerformKode) of each legal basis; `null`: none. */
  ownership_codes?: Partial<Record<"kommunal" | "selvejet" | "privat" | "udliciteret", number | null>>;
  /** The institution types a request accepts (default [6010, 6011, 6012]). */
  request_institution_types?: InstitutionTypeCode[];
  /** The institution types a register row accepts (default every recognised type). */
  register_institution_types?: InstitutionTypeCode[];
  /** The date the records are checked on, `YYYY-MM-DD` (default none: no check against a date). */
  as_of?: string;
  /** Compare a record's town with its postal code's town (default true). */
  postal_town?: boolean;
}

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

/** One option of a select. */
export interface Choice {
  value: string;
  label: string;
}

/** The options of the form's selects. */
export interface FormChoices {
  legal_basis: Choice[];
  institution_type: Choice[];
  user_group: Choice[];
}

/** One entry of the error catalogue. */
export interface CatalogueEntry {
  type: string;
  /** The template's placeholders, filled from a problem's `ctx`. */
  ctx: string[];
  da: string;
  en: string;
}
