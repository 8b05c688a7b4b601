-- Public reports, appeals and strikes (docs/reports-appeals.md).

-- People who report content, recognised by the platform's id for them or by a contact, so that
-- repeat reports and bad faith can be seen. Anonymous reports have none. Who they are stays here
-- and on their reports, never in the audit log (which can never be erased).
CREATE TABLE reporters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- 'ext:<platform id>' or 'contact:<lower-cased contact>'.
  key text NOT NULL UNIQUE,
  external_id text,
  contact text,
  name text,
  reports integer NOT NULL DEFAULT 0,
  -- Reports resolved since a person last set the reporter's standing (bad faith is judged on these).
  actioned integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0,
  bad_faith boolean NOT NULL DEFAULT false,
  bad_faith_at timestamptz,
  bad_faith_by text,
  bad_faith_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  content_id uuid NOT NULL REFERENCES content_items (id),
  -- The review case it joined (none when the content was already removed).
  case_id uuid REFERENCES review_cases (id),
  reporter_id uuid REFERENCES reporters (id),
  -- What the reporter gave (name, contact, platform id); {} when anonymous.
  reporter jsonb NOT NULL DEFAULT '{}'::jsonb,
  anonymous boolean NOT NULL DEFAULT false,
  -- A category id, or NULL for "other" (the platform's rules).
  category text,
  reason text NOT NULL,
  -- An upload id (POST /v1/uploads).
  screenshot text,
  url text,
  -- Whether it raised its case's report count: not for a bad-faith reporter, nor the same reporter again.
  counted boolean NOT NULL,
  bad_faith boolean NOT NULL DEFAULT false,
  -- in_review is not stored: a received report whose case a moderator has taken up.
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'actioned', 'rejected')),
  decision_id uuid REFERENCES decisions (id),
  -- The answer to give the reporter, in Bahasa Indonesia and English.
  answer jsonb,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
CREATE INDEX reports_content_open ON reports (content_id) WHERE status = 'received';
CREATE INDEX reports_case ON reports (case_id);
CREATE INDEX reports_reporter ON reports (reporter_id, created_at);
CREATE INDEX reports_created ON reports (created_at DESC, id DESC);

-- A report may name the item by the platform's URL for it: items the platform sent with
-- metadata.url are found by it.
CREATE INDEX content_items_metadata_url ON content_items ((metadata->>'url')) WHERE metadata ? 'url';

-- Appeals (internal complaints) against a decision: one per decision, one open per item.
CREATE TABLE appeals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  decision_id uuid NOT NULL UNIQUE REFERENCES decisions (id),
  content_id uuid NOT NULL REFERENCES content_items (id),
  case_id uuid REFERENCES review_cases (id),
  appellant jsonb NOT NULL DEFAULT '{}'::jsonb,
  reason text NOT NULL,
  -- The end of the appeal window of the decision's category when it was filed.
  window_ends_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'overturned', 'upheld')),
  -- Overturned: the decision that replaced the one appealed; upheld by a new decision: that one.
  resolving_decision_id uuid REFERENCES decisions (id),
  decided_by uuid REFERENCES operator_users (id),
  decided_by_actor text,
  decision_reason text,
  answer jsonb,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz
);
CREATE UNIQUE INDEX appeals_one_open ON appeals (content_id) WHERE status = 'open';
CREATE INDEX appeals_created ON appeals (created_at DESC, id DESC);
CREATE INDEX appeals_decided ON appeals (decided_at) WHERE status <> 'open';

-- A removal counts against the uploader's platform account for a while: one strike per removal,
-- one standing strike per item (removing it again adds none). An overturned removal's strike is
-- removed, never deleted.
CREATE TABLE strikes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES accounts (id),
  content_id uuid NOT NULL REFERENCES content_items (id),
  decision_id uuid NOT NULL UNIQUE REFERENCES decisions (id),
  category text,
  -- Weight and expiry from the policy when the strike was made.
  weight double precision NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  removed_reason text,
  removed_by_decision uuid REFERENCES decisions (id)
);
CREATE UNIQUE INDEX strikes_one_per_item ON strikes (content_id) WHERE removed_at IS NULL;
CREATE INDEX strikes_account ON strikes (account_id, created_at);

-- What reaching a threshold did to an account, with its statement of reasons. reinstate: a
-- reversed decision brought the account below the level of the action in force.
CREATE TABLE account_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES accounts (id),
  action text NOT NULL CHECK (action IN ('warning', 'feature_limit', 'suspend', 'terminate', 'reinstate')),
  -- The account's level after it (for reinstate: NULL or a lower level).
  level text CHECK (level IN ('warning', 'feature_limit', 'suspend', 'terminate')),
  points double precision NOT NULL,
  threshold double precision,
  strike_id uuid REFERENCES strikes (id),
  decision_id uuid REFERENCES decisions (id),
  statement jsonb NOT NULL,
  until timestamptz,
  actor text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_actions_account ON account_actions (account_id, created_at);
