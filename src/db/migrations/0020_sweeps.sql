-- Sweeps (src/sweep/): re-scanning stored content in bulk, as a backtest (nothing written to
-- content) or applied (decisions through the one decision path). A sweep is cut into ranges of
-- the content id space; each range is a job, and its cursor advances in the same transaction
-- that scans and acts on a chunk of items, so a crash neither skips nor repeats an item.
CREATE TABLE sweeps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  mode text NOT NULL CHECK (mode IN ('backtest', 'apply')),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'paused', 'cancelled', 'finished', 'failed')),
  filter jsonb NOT NULL DEFAULT '{}',
  -- What a backtest scans with instead of the active configuration: { policy?: { version } | { source, sha256 }, lexicons? }.
  candidate jsonb,
  policy_version text NOT NULL,
  -- SHA-256 of mode, filter, candidate and overrideHuman: an identical active backtest is refused.
  fingerprint text NOT NULL,
  override_human boolean NOT NULL DEFAULT false,
  note text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  -- The items the filter matched when the sweep was created (items stored later are not swept).
  total integer NOT NULL DEFAULT 0,
  -- When the current run (start or resume) began and how many items were done then: the rate and ETA.
  run_started_at timestamptz,
  run_base integer NOT NULL DEFAULT 0,
  error jsonb,
  -- The final report (status finished), with its sha256.
  report jsonb
);
CREATE INDEX sweeps_created_idx ON sweeps (created_at DESC);
-- One active apply sweep at a time; no two identical active backtests (race-safe: the database says no).
CREATE UNIQUE INDEX sweeps_one_active_apply ON sweeps (mode) WHERE mode = 'apply' AND status IN ('queued', 'running', 'paused');
CREATE UNIQUE INDEX sweeps_identical_backtest ON sweeps (fingerprint) WHERE mode = 'backtest' AND status IN ('queued', 'running', 'paused');

CREATE TABLE sweep_ranges (
  sweep_id uuid NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
  idx integer NOT NULL,
  -- Content ids in [lo, hi); hi NULL: to the end of the id space.
  lo uuid NOT NULL,
  hi uuid,
  -- The last content id done (NULL: none yet). Advanced with each chunk, in the chunk's transaction.
  cursor uuid,
  done boolean NOT NULL DEFAULT false,
  processed integer NOT NULL DEFAULT 0,
  changed integer NOT NULL DEFAULT 0,
  acted integer NOT NULL DEFAULT 0,
  -- Counters (by category, action, transition, agreement, acted) and a bounded sample of changes.
  counts jsonb NOT NULL DEFAULT '{}',
  samples jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sweep_id, idx)
);

-- The scan a sweep made of an item: exactly one per item and sweep (applied sweeps).
ALTER TABLE scans ADD COLUMN sweep_id uuid REFERENCES sweeps (id);
CREATE UNIQUE INDEX scans_sweep_content ON scans (sweep_id, content_id) WHERE sweep_id IS NOT NULL;
