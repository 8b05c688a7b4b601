-- The educational programme (docs/youth.md#educational-programme): content that child-protection
-- partners (KPAI, KemenPPPA, NGOs, schools) nominate for a PP Tunas age band and topic, their
-- approval by a partner, Saring's safety checks, and the catalogue the under-16 experience serves.

-- A nomination: one item for one band. `pending` until a partner decides; `rejected` (with the
-- reason); `blocked` (approved, but a safety check failed: `checks` says which); `catalogued`
-- (approved and every check passed); `left` (it was in the catalogue and left it: flagged,
-- reported, removed, restricted, or its account lost its standing; `left_reason`, `left_detail`).
CREATE TABLE programme_nominations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  content_id uuid NOT NULL REFERENCES content_items (id),
  band text NOT NULL CHECK (band IN ('3_5', '6_9', '10_12', '13_15', '16_17')),
  topic text NOT NULL,
  note text,
  organisation text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rejected', 'blocked', 'catalogued', 'left')),
  -- Who nominated: the audit actor and the person (or key's user), so no one approves their own.
  nominated_by text NOT NULL,
  nominated_by_user uuid NOT NULL,
  nominated_at timestamptz NOT NULL DEFAULT now(),
  decided_by text,
  decided_by_user uuid,
  decided_organisation text,
  decided_at timestamptz,
  decision_reason text,
  -- The safety checks run at approval: [{ check, passed, detail }].
  checks jsonb,
  catalogued_at timestamptz,
  left_at timestamptz,
  left_reason text CHECK (left_reason IN ('flagged', 'reported', 'removed', 'restricted', 'account_action', 'underage_account')),
  left_detail jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One open nomination (pending or in the catalogue) per item and band: nominating it again is refused.
CREATE UNIQUE INDEX programme_nominations_open ON programme_nominations (content_id, band) WHERE status IN ('pending', 'catalogued');
-- The catalogue, newest first, by band (and topic): the keyset pages of GET /v1/programme/catalogue.
CREATE INDEX programme_catalogue_band ON programme_nominations (band, catalogued_at DESC, id DESC) WHERE status = 'catalogued';
CREATE INDEX programme_catalogue_topic ON programme_nominations (band, topic, catalogued_at DESC, id DESC) WHERE status = 'catalogued';
CREATE INDEX programme_catalogue_all ON programme_nominations (catalogued_at DESC, id DESC) WHERE status = 'catalogued';
-- The hooks find an item's catalogue entries; the audience filter asks which ids are in a band.
CREATE INDEX programme_catalogue_content ON programme_nominations (content_id, band) WHERE status = 'catalogued';
-- An organisation's nominations, newest first; the pending ones for approvers.
CREATE INDEX programme_nominations_org ON programme_nominations (organisation, nominated_at DESC, id DESC);
CREATE INDEX programme_nominations_pending ON programme_nominations (nominated_at DESC, id DESC) WHERE status = 'pending';
-- The programme report's periods.
CREATE INDEX programme_nominations_decided ON programme_nominations (decided_at) WHERE decided_at IS NOT NULL;
CREATE INDEX programme_nominations_left ON programme_nominations (left_at) WHERE left_at IS NOT NULL;

-- Each partner organisation's contact: told by e-mail (mail_outbox) when one of its items leaves the catalogue.
CREATE TABLE programme_contacts (
  organisation text PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
