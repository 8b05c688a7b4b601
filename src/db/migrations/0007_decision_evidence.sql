-- The statement of reasons is for the person whose content it is: plain words, no technical
-- evidence. The evidence behind a decision (lexicon terms, weights, model scores, bank entries,
-- frames) and the reason recorded with it are kept on the decision, for moderators and auditors.
ALTER TABLE decisions
  ADD COLUMN evidence jsonb NOT NULL DEFAULT '[]'::jsonb,
  ADD COLUMN reason text;

-- Decisions recorded before this kept the evidence inside the statement; their reason is in the
-- audit entry that recorded them.
UPDATE decisions
  SET evidence = statement -> 'facts' -> 'evidence'
  WHERE jsonb_typeof(statement -> 'facts' -> 'evidence') = 'array';
UPDATE decisions d
  SET reason = a.data ->> 'reason'
  FROM audit_log a
  WHERE a.action = 'decision.created' AND a.data ->> 'decisionId' = d.id::text;
