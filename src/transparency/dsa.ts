/**
 * Statements of reasons in the EU DSA Transparency Database format: the field names, the
 * enumerations and the rules the database checks on a submission (required fields, fields
 * required by another's value, lengths, dates), written from its public API documentation and
 * repository (digital-services-act/transparency-database). Saring maps each decision onto these
 * fields (transparency.ts) and checks every statement here before it leaves: a statement that
 * would be refused is exported with the field and why, never silently.
 */
import { CATEGORIES, type CategoryId } from '../categories/categories.js';
import type { DecisionAction, StatementOfReasons } from '../decisions/statement.js';

export const DECISION_VISIBILITY = [
  'DECISION_VISIBILITY_CONTENT_REMOVED',
  'DECISION_VISIBILITY_CONTENT_DISABLED',
  'DECISION_VISIBILITY_CONTENT_DEMOTED',
  'DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED',
  'DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED',
  'DECISION_VISIBILITY_CONTENT_LABELLED',
  'DECISION_VISIBILITY_OTHER',
] as const;
export const DECISION_MONETARY = ['DECISION_MONETARY_SUSPENSION', 'DECISION_MONETARY_TERMINATION', 'DECISION_MONETARY_OTHER'] as const;
export const DECISION_PROVISION = [
  'DECISION_PROVISION_PARTIAL_SUSPENSION',
  'DECISION_PROVISION_TOTAL_SUSPENSION',
  'DECISION_PROVISION_PARTIAL_TERMINATION',
  'DECISION_PROVISION_TOTAL_TERMINATION',
] as const;
export const DECISION_ACCOUNT = ['DECISION_ACCOUNT_SUSPENDED', 'DECISION_ACCOUNT_TERMINATED'] as const;
export const ACCOUNT_TYPE = ['ACCOUNT_TYPE_BUSINESS', 'ACCOUNT_TYPE_PRIVATE'] as const;
export const DECISION_GROUND = ['DECISION_GROUND_ILLEGAL_CONTENT', 'DECISION_GROUND_INCOMPATIBLE_CONTENT'] as const;
/** The statement categories of the database (the 2023 list and those added in its 2025 revision). */
export const STATEMENT_CATEGORY = [
  'STATEMENT_CATEGORY_ANIMAL_WELFARE',
  'STATEMENT_CATEGORY_CONSUMER_INFORMATION',
  'STATEMENT_CATEGORY_CYBER_VIOLENCE',
  'STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN',
  'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS',
  'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
  'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
  'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
  'STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR',
  'STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE',
  'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
  'STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT',
  'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
  'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY',
  'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  'STATEMENT_CATEGORY_SELF_HARM',
  'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
  'STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS',
  'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
  'STATEMENT_CATEGORY_VIOLENCE',
] as const;
/** The keywords a statement may specify its category with (`category_specification`). */
export const KEYWORDS = [
  'KEYWORD_ANIMAL_HARM', 'KEYWORD_UNLAWFUL_SALE_ANIMALS',
  'KEYWORD_HIDDEN_ADVERTISEMENT', 'KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS', 'KEYWORD_MISLEADING_INFO_CONSUMER_RIGHTS', 'KEYWORD_MISLEADING_INFO_GOODS_SERVICES', 'KEYWORD_NONCOMPLIANCE_PRICING',
  'KEYWORD_CYBER_BULLYING_INTIMIDATION', 'KEYWORD_CYBER_HARASSMENT', 'KEYWORD_CYBER_INCITEMENT', 'KEYWORD_CYBER_STALKING', 'KEYWORD_NON_CONSENSUAL_IMAGE_SHARING', 'KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE',
  'KEYWORD_BIOMETRIC_DATA_BREACH', 'KEYWORD_MISSING_PROCESSING_GROUND', 'KEYWORD_RIGHT_TO_BE_FORGOTTEN', 'KEYWORD_DATA_FALSIFICATION',
  'KEYWORD_DEFAMATION', 'KEYWORD_DISCRIMINATION', 'KEYWORD_HATE_SPEECH',
  'KEYWORD_COPYRIGHT_INFRINGEMENT', 'KEYWORD_DESIGN_INFRINGEMENT', 'KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT', 'KEYWORD_PATENT_INFRINGEMENT', 'KEYWORD_TRADE_SECRET_INFRINGEMENT', 'KEYWORD_TRADEMARK_INFRINGEMENT',
  'KEYWORD_DISINFORMATION', 'KEYWORD_MISINFORMATION', 'KEYWORD_MISINFORMATION_DISINFORMATION', 'KEYWORD_FOREIGN_INFORMATION_MANIPULATION', 'KEYWORD_VIOLATION_EU_LAW', 'KEYWORD_VIOLATION_NATIONAL_LAW',
  'KEYWORD_NON_CONSENSUAL_ITEMS_DEEPFAKE', 'KEYWORD_ONLINE_BULLYING_INTIMIDATION', 'KEYWORD_STALKING',
  'KEYWORD_ADULT_SEXUAL_MATERIAL', 'KEYWORD_IMAGE_BASED_SEXUAL_ABUSE',
  'KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS', 'KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL', 'KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE', 'KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS', 'KEYWORD_UNSAFE_CHALLENGES',
  'KEYWORD_ILLEGAL_ORGANIZATIONS', 'KEYWORD_RISK_ENVIRONMENTAL_DAMAGE', 'KEYWORD_RISK_PUBLIC_HEALTH', 'KEYWORD_TERRORIST_CONTENT',
  'KEYWORD_INAUTHENTIC_ACCOUNTS', 'KEYWORD_INAUTHENTIC_LISTINGS', 'KEYWORD_INAUTHENTIC_USER_REVIEWS', 'KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING', 'KEYWORD_PHISHING', 'KEYWORD_PYRAMID_SCHEMES',
  'KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS', 'KEYWORD_SELF_MUTILATION', 'KEYWORD_SUICIDE',
  'KEYWORD_AGE_SPECIFIC_RESTRICTIONS', 'KEYWORD_GEOGRAPHICAL_REQUIREMENTS', 'KEYWORD_GOODS_SERVICES_NOT_PERMITTED', 'KEYWORD_LANGUAGE_REQUIREMENTS', 'KEYWORD_NUDITY',
  'KEYWORD_INSUFFICIENT_INFORMATION_TRADERS', 'KEYWORD_PROHIBITED_PRODUCTS', 'KEYWORD_UNSAFE_PRODUCTS', 'KEYWORD_REGULATED_GOODS_SERVICES', 'KEYWORD_DANGEROUS_TOYS',
  'KEYWORD_COORDINATED_HARM', 'KEYWORD_GENDER_BASED_VIOLENCE', 'KEYWORD_HUMAN_EXPLOITATION', 'KEYWORD_HUMAN_TRAFFICKING', 'KEYWORD_INCITEMENT_VIOLENCE_HATRED', 'KEYWORD_TRAFFICKING_WOMEN_GIRLS',
  'KEYWORD_OTHER',
] as const;
export const CONTENT_TYPE = [
  'CONTENT_TYPE_APP',
  'CONTENT_TYPE_AUDIO',
  'CONTENT_TYPE_IMAGE',
  'CONTENT_TYPE_PRODUCT',
  'CONTENT_TYPE_SYNTHETIC_MEDIA',
  'CONTENT_TYPE_TEXT',
  'CONTENT_TYPE_VIDEO',
  'CONTENT_TYPE_OTHER',
] as const;
export const AUTOMATED_DECISION = ['AUTOMATED_DECISION_FULLY', 'AUTOMATED_DECISION_PARTIALLY', 'AUTOMATED_DECISION_NOT_AUTOMATED'] as const;
export const SOURCE_TYPE = ['SOURCE_ARTICLE_16', 'SOURCE_TRUSTED_FLAGGER', 'SOURCE_TYPE_OTHER_NOTIFICATION', 'SOURCE_VOLUNTARY'] as const;
export type SourceType = (typeof SOURCE_TYPE)[number];
export const YES_NO = ['Yes', 'No'] as const;

/** The member states of the European Economic Area: the territorial scopes the EU database accepts. */
export const EEA_COUNTRIES = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'] as const;
/** Where Saring's own statements apply (Indonesia): accepted too, but such a statement is not for the EU database (`euSubmittable`). */
export const SARING_TERRITORIES = ['ID'] as const;

/** ISO 639-1 language codes, upper case, as the database takes `content_language`. */
const LANGUAGES = new Set(
  ('AA AB AE AF AK AM AN AR AS AV AY AZ BA BE BG BI BM BN BO BR BS CA CE CH CO CR CS CU CV CY DA DE DV DZ EE EL EN EO ES ET EU FA FF FI FJ FO FR FY GA GD GL GN GU GV ' +
    'HA HE HI HO HR HT HU HY HZ IA ID IE IG II IK IO IS IT IU JA JV KA KG KI KJ KK KL KM KN KO KR KS KU KV KW KY LA LB LG LI LN LO LT LU LV MG MH MI MK ML MN MR MS MT MY ' +
    'NA NB ND NE NG NL NN NO NR NV NY OC OJ OM OR OS PA PI PL PS PT QU RM RN RO RU RW SA SC SD SE SG SI SK SL SM SN SO SQ SR SS ST SU SV SW TA TE TG TH TI TK TL TN TO TR ' +
    'TS TT TW TY UG UK UR UZ VE VI VO WA WO XH YI YO ZA ZH ZU').split(' '),
);

/** Length limits of the database, in characters. */
export const DSA_LIMITS = {
  decision_visibility_other: 500,
  decision_monetary_other: 500,
  illegal_content_legal_ground: 500,
  illegal_content_explanation: 2_000,
  incompatible_content_ground: 500,
  incompatible_content_explanation: 2_000,
  category_specification_other: 500,
  content_type_other: 500,
  source_identity: 500,
  decision_ground_reference_url: 500,
  decision_facts: 5_000,
  puid: 500,
} as const;

/** A statement of reasons as the DSA Transparency Database takes it (absent optional fields are left out). */
export interface DsaStatement {
  decision_visibility?: string[];
  decision_visibility_other?: string;
  decision_monetary?: string;
  decision_monetary_other?: string;
  decision_provision?: string;
  decision_account?: string;
  account_type?: string;
  decision_ground: string;
  decision_ground_reference_url?: string;
  illegal_content_legal_ground?: string;
  illegal_content_explanation?: string;
  incompatible_content_ground?: string;
  incompatible_content_explanation?: string;
  incompatible_content_illegal?: string;
  category: string;
  category_specification?: string[];
  category_specification_other?: string;
  content_type: string[];
  content_type_other?: string;
  content_language?: string;
  content_date: string;
  application_date: string;
  territorial_scope: string[];
  automated_detection: string;
  automated_decision: string;
  source_type: string;
  source_identity?: string;
  decision_facts: string;
  puid: string;
}

/** Every field of the database's statement, in the order exports list them. */
export const DSA_FIELDS = [
  'decision_visibility', 'decision_visibility_other', 'decision_monetary', 'decision_monetary_other', 'decision_provision', 'decision_account', 'account_type',
  'decision_ground', 'decision_ground_reference_url', 'illegal_content_legal_ground', 'illegal_content_explanation',
  'incompatible_content_ground', 'incompatible_content_explanation', 'incompatible_content_illegal',
  'category', 'category_specification', 'category_specification_other', 'content_type', 'content_type_other', 'content_language',
  'content_date', 'application_date', 'territorial_scope', 'automated_detection', 'automated_decision', 'source_type', 'source_identity',
  'decision_facts', 'puid',
] as const satisfies readonly (keyof DsaStatement)[];

/** How Saring's categories map onto the database's category and keyword. */
export const CATEGORY_MAP: Record<CategoryId, { category: (typeof STATEMENT_CATEGORY)[number]; keyword: (typeof KEYWORDS)[number]; other?: string }> = {
  gambling: { category: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE', keyword: 'KEYWORD_GOODS_SERVICES_NOT_PERMITTED' },
  pornography: { category: 'STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT', keyword: 'KEYWORD_ADULT_SEXUAL_MATERIAL' },
  csam: { category: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS', keyword: 'KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL' },
  sara_hate: { category: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', keyword: 'KEYWORD_HATE_SPEECH' },
  terrorism: { category: 'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY', keyword: 'KEYWORD_TERRORIST_CONTENT' },
  drugs: { category: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS', keyword: 'KEYWORD_PROHIBITED_PRODUCTS' },
  fraud: { category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', keyword: 'KEYWORD_OTHER', other: 'Online fraud, illegal online lending (pinjol ilegal) or investment scams' },
  violence: { category: 'STATEMENT_CATEGORY_VIOLENCE', keyword: 'KEYWORD_OTHER', other: 'Threats of violence' },
  hoax: { category: 'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS', keyword: 'KEYWORD_DISINFORMATION' },
  illegal_goods: { category: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS', keyword: 'KEYWORD_PROHIBITED_PRODUCTS' },
};
/** A decision on the platform's rules alone (no category of Indonesian law). */
export const TERMS_CATEGORY = { category: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE', keyword: 'KEYWORD_OTHER', other: "Other violation of the platform's terms of service" } as const;

export const VISIBILITY_MAP: Record<Exclude<DecisionAction, 'allow'>, { visibility: (typeof DECISION_VISIBILITY)[number]; other?: string }> = {
  remove: { visibility: 'DECISION_VISIBILITY_CONTENT_REMOVED' },
  restrict_18: { visibility: 'DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED' },
  restrict_16: { visibility: 'DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED' },
};

export const AUTOMATED_DECISION_MAP: Record<StatementOfReasons['automatedDecision'], (typeof AUTOMATED_DECISION)[number]> = {
  fully: 'AUTOMATED_DECISION_FULLY',
  partially: 'AUTOMATED_DECISION_PARTIALLY',
  not_automated: 'AUTOMATED_DECISION_NOT_AUTOMATED',
};

export interface FieldProblem {
  field: string;
  message: string;
}

const length = (s: string) => [...s].length;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function calendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The database's rules, field by field: every problem is named with its field. An empty list:
 * the statement would be accepted (its territorial scope aside: see `euSubmittable`).
 */
export function validateDsaStatement(input: unknown, options: { territories?: readonly string[] } = {}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [{ field: '(statement)', message: 'must be an object' }];
  const s = input as Record<string, unknown>;
  const territories = new Set(options.territories ?? [...EEA_COUNTRIES, ...SARING_TERRITORIES]);

  for (const key of Object.keys(s)) if (!(DSA_FIELDS as readonly string[]).includes(key)) add(key, 'is not a field of the statement of reasons');

  const present = (field: string) => s[field] !== undefined && s[field] !== null && s[field] !== '' && !(Array.isArray(s[field]) && (s[field] as unknown[]).length === 0);
  const text = (field: string, opts: { required?: boolean; max?: number } = {}) => {
    const v = s[field];
    if (!present(field)) {
      if (opts.required) add(field, 'is required');
      return;
    }
    if (typeof v !== 'string') return add(field, 'must be a string');
    if (opts.max !== undefined && length(v) > opts.max) add(field, `must be at most ${opts.max} characters (it has ${length(v)})`);
  };
  const oneOf = (field: string, allowed: readonly string[], required = false) => {
    const v = s[field];
    if (!present(field)) {
      if (required) add(field, 'is required');
      return;
    }
    if (typeof v !== 'string' || !allowed.includes(v)) add(field, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(v)?.slice(0, 80)})`);
  };
  const many = (field: string, allowed: readonly string[] | ((v: string) => boolean), required = false) => {
    const v = s[field];
    if (!present(field)) {
      if (required) add(field, 'is required (a non-empty array)');
      return [] as string[];
    }
    if (!Array.isArray(v)) {
      add(field, 'must be an array');
      return [] as string[];
    }
    const ok = (x: unknown) => typeof x === 'string' && (typeof allowed === 'function' ? allowed(x) : allowed.includes(x));
    const bad = v.filter((x) => !ok(x));
    if (bad.length) add(field, `has values that are not allowed: ${bad.slice(0, 5).map((x) => JSON.stringify(x)).join(', ')}`);
    if (new Set(v).size !== v.length) add(field, 'has a value more than once');
    return v.filter((x): x is string => typeof x === 'string');
  };
  /** `other` must be given exactly when `trigger` is among the values of `field`. */
  const otherWhen = (field: string, triggered: boolean, other: string, trigger: string) => {
    if (triggered) text(other, { required: true, max: DSA_LIMITS[other as keyof typeof DSA_LIMITS] });
    else if (present(other)) add(other, `is only allowed when ${field} is ${trigger}`);
  };

  // What was done: at least one of the four restrictions.
  const visibility = many('decision_visibility', DECISION_VISIBILITY);
  otherWhen('decision_visibility', visibility.includes('DECISION_VISIBILITY_OTHER'), 'decision_visibility_other', 'DECISION_VISIBILITY_OTHER');
  oneOf('decision_monetary', DECISION_MONETARY);
  otherWhen('decision_monetary', s['decision_monetary'] === 'DECISION_MONETARY_OTHER', 'decision_monetary_other', 'DECISION_MONETARY_OTHER');
  oneOf('decision_provision', DECISION_PROVISION);
  oneOf('decision_account', DECISION_ACCOUNT);
  oneOf('account_type', ACCOUNT_TYPE);
  if (!['decision_visibility', 'decision_monetary', 'decision_provision', 'decision_account'].some(present)) {
    add('decision_visibility', 'at least one of decision_visibility, decision_monetary, decision_provision or decision_account is required');
  }

  // On what ground: the fields of the other ground are not allowed.
  oneOf('decision_ground', DECISION_GROUND, true);
  text('decision_ground_reference_url', { max: DSA_LIMITS.decision_ground_reference_url });
  if (present('decision_ground_reference_url') && typeof s['decision_ground_reference_url'] === 'string' && !/^https?:\/\/\S+$/.test(s['decision_ground_reference_url'])) {
    add('decision_ground_reference_url', 'must be an http(s) URL');
  }
  const illegal = s['decision_ground'] === 'DECISION_GROUND_ILLEGAL_CONTENT';
  const incompatible = s['decision_ground'] === 'DECISION_GROUND_INCOMPATIBLE_CONTENT';
  // Without a valid ground, the ground's own fields are not judged (the ground is what is wrong).
  const grounded = illegal || incompatible;
  for (const [field, max] of [
    ['illegal_content_legal_ground', DSA_LIMITS.illegal_content_legal_ground],
    ['illegal_content_explanation', DSA_LIMITS.illegal_content_explanation],
  ] as const) {
    if (illegal) text(field, { required: true, max });
    else if (grounded && present(field)) add(field, 'is only allowed when decision_ground is DECISION_GROUND_ILLEGAL_CONTENT');
  }
  for (const [field, max] of [
    ['incompatible_content_ground', DSA_LIMITS.incompatible_content_ground],
    ['incompatible_content_explanation', DSA_LIMITS.incompatible_content_explanation],
  ] as const) {
    if (incompatible) text(field, { required: true, max });
    else if (grounded && present(field)) add(field, 'is only allowed when decision_ground is DECISION_GROUND_INCOMPATIBLE_CONTENT');
  }
  if (incompatible) oneOf('incompatible_content_illegal', YES_NO);
  else if (grounded && present('incompatible_content_illegal')) add('incompatible_content_illegal', 'is only allowed when decision_ground is DECISION_GROUND_INCOMPATIBLE_CONTENT');

  // What it is about.
  oneOf('category', STATEMENT_CATEGORY, true);
  const keywords = many('category_specification', KEYWORDS);
  otherWhen('category_specification', keywords.includes('KEYWORD_OTHER'), 'category_specification_other', 'KEYWORD_OTHER');
  const types = many('content_type', CONTENT_TYPE, true);
  otherWhen('content_type', types.includes('CONTENT_TYPE_OTHER'), 'content_type_other', 'CONTENT_TYPE_OTHER');
  if (present('content_language') && (typeof s['content_language'] !== 'string' || !LANGUAGES.has(s['content_language']))) {
    add('content_language', 'must be an ISO 639-1 language code in upper case (e.g. ID, EN)');
  }

  // When.
  const date = (field: string, from: string) => {
    const v = s[field];
    if (!present(field)) return add(field, 'is required');
    if (typeof v !== 'string' || !calendarDate(v)) return add(field, 'must be a date as YYYY-MM-DD');
    if (v < from) add(field, `must be on or after ${from}`);
  };
  date('content_date', '2000-01-01');
  date('application_date', '2020-01-01');
  const cd = s['content_date'];
  const ad = s['application_date'];
  if (typeof cd === 'string' && typeof ad === 'string' && calendarDate(cd) && calendarDate(ad) && ad < cd) {
    add('application_date', 'must not be before content_date');
  }

  // Where, how and why.
  many('territorial_scope', (v) => territories.has(v), true);
  oneOf('automated_detection', YES_NO, true);
  oneOf('automated_decision', AUTOMATED_DECISION, true);
  oneOf('source_type', SOURCE_TYPE, true);
  text('source_identity', { max: DSA_LIMITS.source_identity });
  text('decision_facts', { required: true, max: DSA_LIMITS.decision_facts });
  text('puid', { required: true, max: DSA_LIMITS.puid });
  if (typeof s['puid'] === 'string' && s['puid'] && !/^[A-Za-z0-9_-]+$/.test(s['puid'])) add('puid', 'may hold only letters, digits, hyphens and underscores');
  return problems;
}

/** Whether the EU database itself would take the statement: valid, and scoped to EEA countries only. */
export function euSubmittable(statement: DsaStatement, problems: readonly FieldProblem[]): boolean {
  return problems.length === 0 && statement.territorial_scope.every((c) => (EEA_COUNTRIES as readonly string[]).includes(c));
}

/** The Indonesian legal ground of a category (the database's field holds the same text). */
export function indonesianLegalGround(category: CategoryId | null): string | null {
  return category ? CATEGORIES[category].legalGround : null;
}
