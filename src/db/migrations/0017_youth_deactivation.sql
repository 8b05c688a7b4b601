-- The under-16 deactivation programme (Permenkomdigi 9/2026) and the PP Tunas risk
-- self-assessment (docs/youth.md).

-- A plan: the accounts found to be or maybe be under the minimum age when it started, and the
-- programme's settings taken then (a later policy change does not move a running account's dates).
CREATE TABLE youth_deactivation_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Which reasons it looked for (declared_under_minimum, underage_signal, unverified_old_account).
  reasons jsonb NOT NULL,
  -- Accounts found per reason (an account can have several), and how many were already in the programme.
  found jsonb NOT NULL,
  -- minimumAge, verificationDays, noticeDays, unverifiedAccountDays and the policy version they came from.
  settings jsonb NOT NULL,
  note text,
  accounts integer NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX youth_deactivation_plans_recent ON youth_deactivation_plans (created_at DESC, id DESC);

-- An account in the programme: its phase and the dates that move it on. One open entry per account
-- (a second plan does not add it again); a cleared account may be found again by a later plan.
CREATE TABLE youth_deactivation_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES youth_deactivation_plans (id),
  account_id uuid NOT NULL REFERENCES accounts (id),
  reasons jsonb NOT NULL,
  phase text NOT NULL CHECK (phase IN ('reverification_requested', 'transition_notice', 'deactivated', 'cleared')),
  phase_at timestamptz NOT NULL DEFAULT now(),
  -- When its re-verification was requested (event, webhook, job): null while the plan's requests are
  -- still being sent, a few hundred accounts a transaction, so a large plan holds no lock for long.
  requested_at timestamptz,
  -- Re-verification is due by then (set again when the request is sent); after it, without a
  -- verified 16+, the transition notice.
  verify_by timestamptz NOT NULL,
  -- Set with the transition notice: the deactivation date the platform shows with its data-export offer.
  deactivate_on timestamptz,
  notice_at timestamptz,
  deactivated_at timestamptz,
  cleared_at timestamptz,
  -- The phase a clearing came in (for the regulator's counts: cleared before notice, during it, after deactivation).
  cleared_from text
);
CREATE UNIQUE INDEX youth_deactivation_accounts_open ON youth_deactivation_accounts (account_id) WHERE phase <> 'cleared';
CREATE INDEX youth_deactivation_accounts_plan ON youth_deactivation_accounts (plan_id, phase);
CREATE INDEX youth_deactivation_accounts_unsent ON youth_deactivation_accounts (plan_id, id) WHERE requested_at IS NULL;
CREATE INDEX youth_deactivation_accounts_phase ON youth_deactivation_accounts (phase, phase_at DESC, id DESC);

-- The risk self-assessment on PP Tunas' seven aspects: each save is a new version, none is changed.
CREATE TABLE youth_risk_assessments (
  version integer PRIMARY KEY,
  summary text,
  -- { content: { level, assessment, evidence: [], mitigations: [] }, contact: …, … } (all seven).
  aspects jsonb NOT NULL,
  created_by text NOT NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
