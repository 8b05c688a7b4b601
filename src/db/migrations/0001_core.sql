-- Saring core schema. Written for PostgreSQL 15 (CI) and PGlite (PostgreSQL 18 in WASM):
-- no syntax newer than 15. gen_random_uuid() is built in since PostgreSQL 13.

-- Platform accounts: the users of the platform whose content is scanned.
CREATE TABLE accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id text NOT NULL UNIQUE,
  display_name text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Content items as the platform knows them, identified by the platform's own id.
CREATE TABLE content_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  external_id text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('video', 'image', 'text', 'comment', 'profile')),
  account_id uuid REFERENCES accounts (id),
  texts jsonb NOT NULL DEFAULT '{}'::jsonb,
  media jsonb NOT NULL DEFAULT '[]'::jsonb,
  audience text NOT NULL DEFAULT 'general' CHECK (audience IN ('general', 'adult', 'children')),
  -- Only decisions change status (and the scan that routes to review).
  status text NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'in_review', 'restricted', 'removed')),
  restriction text CHECK (restriction IN ('restrict_16', 'restrict_18')),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Canonical JSON of what was scanned: a resend with the same fingerprint is a retry.
  fingerprint text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX content_items_account_idx ON content_items (account_id);
CREATE INDEX content_items_status_idx ON content_items (status, created_at);

-- Versioned policies; exactly one is active.
CREATE TABLE policy_versions (
  version integer PRIMARY KEY,
  policy_id text NOT NULL,
  document jsonb NOT NULL,
  source text NOT NULL,
  sha256 text NOT NULL,
  note text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  active boolean NOT NULL DEFAULT false,
  activated_at timestamptz
);
CREATE UNIQUE INDEX policy_versions_one_active ON policy_versions (active) WHERE active;

-- Lexicons (per category) and their versions; edits make a new version.
CREATE TABLE lexicons (
  name text PRIMARY KEY,
  category text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('terms', 'domains')),
  active_version integer NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE lexicon_versions (
  lexicon_name text NOT NULL REFERENCES lexicons (name) ON DELETE CASCADE,
  version integer NOT NULL,
  entries jsonb NOT NULL,
  note text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (lexicon_name, version)
);

-- Scans: what the engine saw and concluded, with the policy version it used.
CREATE TABLE scans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  content_id uuid NOT NULL REFERENCES content_items (id),
  policy_version text NOT NULL,
  action text NOT NULL,
  verdict jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scans_content_idx ON scans (content_id, created_at);

-- Operators of Saring (not platform users) and their API keys (only a hash is stored).
CREATE TABLE operator_users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  role text NOT NULL
    CHECK (role IN ('admin', 'moderator', 'senior_moderator', 'regulator', 'partner', 'auditor')),
  org text,
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);
CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES operator_users (id),
  prefix text NOT NULL UNIQUE,
  key_hash text NOT NULL,
  label text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Decisions with their statement of reasons. Decisions are never updated or deleted.
CREATE TABLE decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  content_id uuid NOT NULL REFERENCES content_items (id),
  scan_id uuid REFERENCES scans (id),
  actor_type text NOT NULL CHECK (actor_type IN ('automated', 'moderator', 'regulator_order')),
  actor_id uuid REFERENCES operator_users (id),
  action text NOT NULL CHECK (action IN ('allow', 'restrict_16', 'restrict_18', 'remove')),
  category text,
  legal_ground text,
  automated_detection boolean NOT NULL,
  automated_decision boolean NOT NULL,
  statement jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX decisions_content_idx ON decisions (content_id, created_at);

-- Webhook endpoints of the platform, and each delivery with its attempts.
CREATE TABLE webhook_endpoints (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url text NOT NULL,
  secret text NOT NULL,
  events text[] NOT NULL DEFAULT ARRAY['*'],
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  event_type text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_status_code integer,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
CREATE INDEX webhook_deliveries_status_idx ON webhook_deliveries (status, created_at);

-- Key/value settings of the installation (e.g. the scan-configuration generation).
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The audit log: append-only and hash-chained. Each entry's hash covers its own fields and the
-- previous entry's hash, so a changed, removed or reordered entry breaks the chain.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text,
  data jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
