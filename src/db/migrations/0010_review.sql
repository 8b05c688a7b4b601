-- Human review (docs/review.md): cases in named queues, claims, four-eyes, bulk runs.

-- A removal in a four-eyes category waits for a second senior moderator; until then the item is
-- held (hidden at once, not yet removed). Only decisions/ sets it, like every other status.
ALTER TABLE content_items DROP CONSTRAINT content_items_status_check;
ALTER TABLE content_items ADD CONSTRAINT content_items_status_check
  CHECK (status IN ('active', 'in_review', 'held', 'restricted', 'removed'));

-- One case per content item per reason while it is not closed (the partial unique index), so
-- a second report, a rescan or a retried hook refreshes the case instead of adding one.
CREATE TABLE review_cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  content_id uuid NOT NULL REFERENCES content_items (id),
  reason text NOT NULL CHECK (reason IN ('policy', 'report', 'appeal', 'escalation', 'order')),
  queue text NOT NULL,
  -- pending_confirmation: a four-eyes removal waits for a second senior moderator.
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending_confirmation', 'closed')),
  -- senior: escalated, four-eyes or in a senior-only category; only decide:severe claims it.
  lane text NOT NULL DEFAULT 'standard' CHECK (lane IN ('standard', 'senior')),
  category text,
  policy_priority text NOT NULL DEFAULT 'normal' CHECK (policy_priority IN ('low', 'normal', 'high', 'urgent')),
  reports integer NOT NULL DEFAULT 0,
  audience text NOT NULL DEFAULT 'general',
  -- What opened it: the scan, report, appeal or order id.
  ref text,
  -- The priority without its age part, and the parts (for the console to explain it).
  priority_base double precision NOT NULL DEFAULT 0,
  priority_components jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- priority_base - agePerHour * (hours since 1970 at opening): ordering by it is ordering by
  -- base + agePerHour * age at any moment, so claim-next reads an index and no row is
  -- rewritten as cases age.
  rank double precision NOT NULL DEFAULT 0,
  due_at timestamptz NOT NULL,
  claimed_by uuid REFERENCES operator_users (id),
  claimed_at timestamptz,
  claim_expires_at timestamptz,
  escalated_by uuid REFERENCES operator_users (id),
  escalated_at timestamptz,
  escalation_reason text,
  -- Four-eyes: the removal proposed, and by whom (the second senior must be someone else).
  proposal jsonb,
  proposed_by uuid REFERENCES operator_users (id),
  decision_id uuid REFERENCES decisions (id),
  resolution text CHECK (resolution IN ('decided', 'confirmed')),
  closed_by uuid REFERENCES operator_users (id),
  closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX review_cases_one_open ON review_cases (content_id, reason) WHERE status <> 'closed';
-- Claim-next: the highest rank of the cases not closed, in all queues or in one.
CREATE INDEX review_cases_next ON review_cases (rank DESC, id) WHERE status <> 'closed';
CREATE INDEX review_cases_queue_next ON review_cases (queue, rank DESC, id) WHERE status <> 'closed';
CREATE INDEX review_cases_content ON review_cases (content_id);
CREATE INDEX review_cases_created ON review_cases (created_at, id);
CREATE INDEX review_cases_closed ON review_cases (closed_at) WHERE status = 'closed';

-- What happened to a case (opened, refreshed, claimed, released, escalated, proposed,
-- confirmed, rejected, closed), for the console's history. The audit log keeps what matters
-- legally (decisions, holds, escalations, four-eyes); claims are only here.
CREATE TABLE review_case_events (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES review_cases (id),
  kind text NOT NULL,
  actor text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_case_events_case ON review_case_events (case_id, id);

-- A bulk action: one decision applied to up to 1,000 cases, each in its own transaction, by a
-- job that resumes where it stopped.
CREATE TABLE review_bulk_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  requested_by uuid NOT NULL REFERENCES operator_users (id),
  actor text NOT NULL,
  action text NOT NULL,
  category text,
  template_id text,
  reason text,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  total integer NOT NULL,
  job_id text,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE TABLE review_bulk_items (
  run_id uuid NOT NULL REFERENCES review_bulk_runs (id),
  position integer NOT NULL,
  case_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'skipped', 'failed')),
  -- done: decided, or pending_confirmation (four-eyes); skipped/failed: the error code.
  outcome text,
  message text,
  decision_id uuid REFERENCES decisions (id),
  finished_at timestamptz,
  PRIMARY KEY (run_id, position)
);
