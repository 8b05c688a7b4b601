-- Bulk import (saring import, POST /v1/content/batch).

-- The platform's own creation time of an item (`createdAt` of an import row or batch item): a
-- backlog keeps its history, so a sweep can filter by when an item was posted, not imported.
ALTER TABLE content_items ADD COLUMN posted_at timestamptz;
CREATE INDEX content_items_posted_idx ON content_items (posted_at) WHERE posted_at IS NOT NULL;

-- One run of `saring import FILE`. Its checkpoint (byte offset and record number of the input
-- after the last committed batch) is written in the same transaction as the rows it covers, so a
-- run that stops (Ctrl-C, a crash, kill -9) continues from there and never stores a row twice.
CREATE TABLE import_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The absolute path of the file, its size when the run started, and the SHA-256 of its first
  -- 64 KiB: a re-run on the same file resumes; a different file under the same name does not.
  source text NOT NULL,
  file_bytes bigint NOT NULL,
  head_sha256 text NOT NULL,
  format text NOT NULL CHECK (format IN ('jsonl', 'csv')),
  -- scan, mapping, batch size, media base directory: a resume uses the run's own options.
  options jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'finished', 'abandoned')) DEFAULT 'running',
  byte_offset bigint NOT NULL DEFAULT 0,
  records bigint NOT NULL DEFAULT 0,
  counts jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX import_runs_source_idx ON import_runs (source, created_at);
-- At most one unfinished run per file.
CREATE UNIQUE INDEX import_runs_one_running ON import_runs (source) WHERE status = 'running';

-- The rows a run rejected, and why (also written to the rejects file, JSONL).
CREATE TABLE import_rejects (
  run_id uuid NOT NULL REFERENCES import_runs (id) ON DELETE CASCADE,
  -- The record number (1 = the first record after a CSV header) and its byte offset in the file.
  record bigint NOT NULL,
  byte_offset bigint NOT NULL,
  external_id text,
  code text NOT NULL,
  message text NOT NULL,
  -- The start of the rejected record as it was in the file (at most 2,000 characters).
  excerpt text NOT NULL,
  PRIMARY KEY (run_id, record)
);

-- Which import run stored a version: a second row with the same external id in one run is a
-- duplicate, not a new version.
ALTER TABLE content_versions ADD COLUMN import_run_id uuid;
