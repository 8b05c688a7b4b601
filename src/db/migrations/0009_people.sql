-- People: operator users who sign in to the console with a password (API keys stay for
-- machines), their sessions, invites, console preferences, and the throttle on sign-in attempts.
-- Only hashes of passwords (argon2id), session tokens and invite tokens are stored.
ALTER TABLE operator_users
  -- Lower-case, unique; NULL for users who only have API keys.
  ADD COLUMN login text CHECK (login = lower(login)),
  ADD COLUMN password_hash text,
  ADD COLUMN password_changed_at timestamptz,
  ADD COLUMN invite_hash text UNIQUE,
  ADD COLUMN invite_expires_at timestamptz,
  ADD COLUMN last_sign_in_at timestamptz,
  -- The person's own console preferences, over the organisation's defaults (settings 'console.defaults').
  ADD COLUMN preferences jsonb NOT NULL DEFAULT '{}'::jsonb;
CREATE UNIQUE INDEX operator_users_login_key ON operator_users (login);

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES operator_users (id),
  -- SHA-256 of the random token in the person's cookie.
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  idle_expires_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  -- signed_out, signed_out_everywhere, password_changed, password_reset, role_changed, deactivated
  revoked_reason text,
  address text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Failed sign-ins per login and per address (the key is a SHA-256, so a password typed into the
-- login field is not kept): too many in a window lock the login, or refuse the address, for a while.
CREATE TABLE sign_in_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_start timestamptz NOT NULL,
  locked_until timestamptz
);
