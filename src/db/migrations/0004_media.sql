-- Media analysis of a content item: one row per submission whose media must be fetched and
-- analysed (frames, OCR, nudity, speech) before the item can be judged. The job runs it; the row
-- says where it stands, what each step found and, once done, which scan it produced.
CREATE TABLE media_analyses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  content_id uuid NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
  fingerprint text NOT NULL,
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  job_id text,
  findings jsonb NOT NULL DEFAULT '[]',
  scan_id uuid REFERENCES scans (id),
  error jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX media_analyses_content_idx ON media_analyses (content_id, created_at);
