-- Hash banks (re-upload prevention) and the media hashes of stored content.

CREATE TABLE banks (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  description text,
  enabled boolean NOT NULL DEFAULT true,
  -- A PDQ hash matches at Hamming distance <= pdq_threshold; hashes of lower quality are ignored.
  pdq_threshold integer NOT NULL DEFAULT 31 CHECK (pdq_threshold BETWEEN 0 AND 31),
  min_quality integer NOT NULL DEFAULT 50 CHECK (min_quality BETWEEN 0 AND 100),
  -- A video matches when this share of the query's frames (and of the banked video's) match.
  vpdq_query_percent real NOT NULL DEFAULT 80 CHECK (vpdq_query_percent BETWEEN 0 AND 100),
  vpdq_compared_percent real NOT NULL DEFAULT 0 CHECK (vpdq_compared_percent BETWEEN 0 AND 100),
  action text NOT NULL DEFAULT 'remove' CHECK (action IN ('review', 'restrict_16', 'restrict_18', 'remove')),
  -- Category of entries that name none (a bank of removals keeps each entry's own).
  category text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bank_entries (
  id bigserial PRIMARY KEY,
  bank_id integer NOT NULL REFERENCES banks (id) ON DELETE CASCADE,
  signal_type text NOT NULL CHECK (signal_type IN ('pdq', 'vpdq', 'md5', 'sha256')),
  -- pdq: 64 hex; md5/sha256: hex digest; vpdq: an identifier of the video (its sha256 when known).
  value text NOT NULL,
  quality integer,
  -- pdq: the hash of the picture inside detected bars, an extra signal beside the reference hash.
  cropped text,
  -- vpdq: [{ frame, quality, hash, timestamp, cropped? }]
  frames jsonb,
  provenance text NOT NULL CHECK (provenance IN ('removal', 'import', 'regulator_order', 'manual')),
  source_ref text,
  category text,
  note text,
  enabled boolean NOT NULL DEFAULT true,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX bank_entries_unique ON bank_entries (bank_id, signal_type, value);
CREATE INDEX bank_entries_bank_idx ON bank_entries (bank_id, id);
-- Exact hashes are matched in the database, not in memory.
CREATE INDEX bank_entries_exact_idx ON bank_entries (value, signal_type) WHERE signal_type IN ('md5', 'sha256');

-- Hashes of each stored content item's media, kept so that removals can bank them and new bank
-- entries can be matched against what is already stored (retroactive matching).
CREATE TABLE content_media_hashes (
  content_id uuid NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
  media_index integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('image', 'video')),
  pdq text,
  quality integer,
  cropped text,
  cropped_quality integer,
  md5 text,
  sha256 text,
  frames jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (content_id, media_index)
);
CREATE INDEX content_media_hashes_md5_idx ON content_media_hashes (md5);
CREATE INDEX content_media_hashes_sha256_idx ON content_media_hashes (sha256);
