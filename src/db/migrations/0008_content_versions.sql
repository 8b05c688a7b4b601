-- Versions of a content item. Sending an item again with changed texts or media (an edited
-- caption, a replaced video) makes a new version; the old ones stay, so the evidence behind a
-- decision is never overwritten. content_items holds the current version.
ALTER TABLE content_items ADD COLUMN version integer NOT NULL DEFAULT 1;

CREATE TABLE content_versions (
  content_id uuid NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
  version integer NOT NULL,
  fingerprint text NOT NULL,
  kind text NOT NULL,
  texts jsonb NOT NULL,
  -- The media as the platform sent them (hashes computed later live in content_media_hashes).
  media jsonb NOT NULL,
  audience text NOT NULL,
  metadata jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (content_id, version)
);

-- What is stored today is each item's version 1 (earlier overwrites cannot be recovered).
INSERT INTO content_versions (content_id, version, fingerprint, kind, texts, media, audience, metadata, created_by, created_at)
  SELECT id, 1, fingerprint, kind, texts, media, audience, metadata, 'migration', created_at FROM content_items;

-- Which version a scan judged (NULL for scans made before versions were kept).
ALTER TABLE scans ADD COLUMN content_version integer;
