-- Signed checkpoints of the audit log: each row is an Ed25519 signature over a statement that the
-- log's entry `seq` had hash `hash` at time `at` (the head then). A chain alone cannot show that
-- its newest entries were cut off or that it was recomputed from an edited entry onward; a
-- checkpoint can, up to the entry it covers. Append-only like the log.
CREATE TABLE audit_checkpoints (
  id bigserial PRIMARY KEY,
  seq bigint NOT NULL,
  hash text NOT NULL,
  at timestamptz NOT NULL,
  key_id text NOT NULL,
  public_key text NOT NULL,
  signature text NOT NULL
);
CREATE INDEX audit_checkpoints_seq_idx ON audit_checkpoints (seq, id);

CREATE FUNCTION audit_checkpoints_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_checkpoints is append-only';
END;
$$;
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_refuse_change();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoints_refuse_change();
