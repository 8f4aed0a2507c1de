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
  | "email_ascii"
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
