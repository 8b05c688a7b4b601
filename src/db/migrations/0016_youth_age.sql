-- Youth safety, ages (docs/youth.md "Age records, eligibility and corrections"): each platform
-- account's age band, how sure Saring is of it and what that allows; every change as an event; the
-- outcomes of age checks (never the document or the face); age reviews; parents' consents.

-- One row per account with an age record. `band` stays right without a date of birth: at
-- `next_band_at` the account enters the next band (a job moves it; reads move it too).
CREATE TABLE account_ages (
  account_id uuid PRIMARY KEY REFERENCES accounts (id),
  band text NOT NULL CHECK (band IN ('under_13', '13_15', '16_17', '18_plus', 'unknown')),
  assurance text NOT NULL CHECK (assurance IN ('self_declared', 'estimated', 'verified')),
  status text NOT NULL CHECK (status IN ('allowed', 'restricted_minor', 'not_allowed', 'pending_verification', 'under_review')),
  next_band_at timestamptz,
  -- Only when the policy's youth.storeDateOfBirth is true.
  date_of_birth date,
  -- How the band was last set: 'declaration', 'check', 'correction', 'review', 'band_advanced'.
  source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_ages_status ON account_ages (status, account_id);
CREATE INDEX account_ages_next_band ON account_ages (next_band_at) WHERE next_band_at IS NOT NULL;

-- Outcomes of age checks the platform ran (id document, facial estimation, population data,
-- parental confirmation, other). The outcome's details are evidence: purged after
-- youth.evidenceRetentionDays (purged_at set, details null), the row and its method stay.
CREATE TABLE age_checks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES accounts (id),
  method text NOT NULL CHECK (method IN ('id_document', 'facial_estimation', 'population_data', 'parental_confirmation', 'other')),
  result text NOT NULL CHECK (result IN ('pass', 'fail', 'inconclusive')),
  -- What the check said: { age } | { ageRange: { min, max } } | { dateOfBirth }, confidence, provider.
  outcome jsonb,
  checked_at timestamptz NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  purged_at timestamptz
);
CREATE INDEX age_checks_account ON age_checks (account_id, created_at DESC);
CREATE INDEX age_checks_unpurged ON age_checks (created_at) WHERE purged_at IS NULL;

-- Every change of an account's age record: who, why, what it was and became, and the evidence.
CREATE TABLE age_events (
  id bigserial PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id),
  kind text NOT NULL,
  actor text NOT NULL,
  reason text,
  before jsonb,
  after jsonb,
  evidence jsonb,
  check_id uuid REFERENCES age_checks (id),
  case_id uuid,
  at timestamptz NOT NULL DEFAULT now(),
  evidence_purged_at timestamptz
);
CREATE INDEX age_events_account ON age_events (account_id, id DESC);
CREATE INDEX age_events_unpurged ON age_events (at) WHERE evidence IS NOT NULL;

-- Age reviews: a user's or parent's correction request, or underage signals in the account's texts.
-- At most one open case per account (a new signal refreshes it).
CREATE TABLE age_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES accounts (id),
  kind text NOT NULL CHECK (kind IN ('correction', 'underage_signal')),
  queue text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
  -- correction: 'user' | 'parent'; underage_signal: 'signal'.
  requested_by text NOT NULL,
  -- What is claimed: { declaredAge } | { dateOfBirth } | { ageRange } (a signal's).
  claim jsonb NOT NULL,
  check_id uuid REFERENCES age_checks (id),
  -- Evidence: a signal's matches and content, or the correction's note. Purged with the checks.
  evidence jsonb,
  score real,
  content_id uuid REFERENCES content_items (id),
  -- The record before the review opened (status and band), restored when it is rejected.
  before jsonb,
  opened_by text NOT NULL,
  opened_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  decided_by text,
  decided_at timestamptz,
  reason text,
  evidence_purged_at timestamptz
);
CREATE UNIQUE INDEX age_cases_one_open ON age_cases (account_id) WHERE status = 'open';
CREATE INDEX age_cases_queue ON age_cases (queue, status, opened_at);
CREATE INDEX age_cases_content ON age_cases (content_id) WHERE content_id IS NOT NULL;

-- A parent's (or guardian's) consent for a 16–17 account, with what it covers; withdrawn_at when withdrawn.
CREATE TABLE parental_consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES accounts (id),
  given_by text NOT NULL,
  relation text NOT NULL,
  given_at timestamptz NOT NULL,
  scope jsonb NOT NULL DEFAULT '[]',
  withdrawn_at timestamptz,
  withdrawn_by text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX parental_consents_account ON parental_consents (account_id, given_at DESC);
