-- Text classifiers as versioned artefacts. The weights live in the database, so every process
-- sharing a PostgreSQL serves the same model version.
CREATE TABLE models (
  name text NOT NULL,
  version integer NOT NULL,
  metadata jsonb NOT NULL,
  weights bytea NOT NULL,
  sha256 text NOT NULL,
  source text,
  note text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  active boolean NOT NULL DEFAULT false,
  activated_at timestamptz,
  PRIMARY KEY (name, version)
);
CREATE UNIQUE INDEX models_one_active ON models (name) WHERE active;
