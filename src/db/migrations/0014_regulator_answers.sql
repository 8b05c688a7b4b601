-- The platform's answers to the regulator (docs/regulator.md): clarifications (objections, sanggah)
-- per order target, the regulator's warning letters (ST1–ST3) against an order, the ST2 commitment
-- letter, and the fines the letters impose.

-- A target the platform answered with a clarification counts as answered for the order's clock.
ALTER TABLE regulator_order_targets DROP CONSTRAINT regulator_order_targets_status_check;
ALTER TABLE regulator_order_targets ADD CONSTRAINT regulator_order_targets_status_check
  CHECK (status IN ('pending', 'taken_down', 'already_removed', 'not_found', 'clarified'));

-- One clarification per target: why the platform does not take it down, with evidence (upload ids).
CREATE TABLE regulator_clarifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid NOT NULL REFERENCES regulator_orders (id),
  target_id uuid NOT NULL UNIQUE REFERENCES regulator_order_targets (id),
  reason text NOT NULL CHECK (reason IN ('invalid_link', 'wrong_screenshot', 'not_prohibited', 'other')),
  text text NOT NULL,
  evidence jsonb NOT NULL DEFAULT '[]',
  -- The target's status when it was filed.
  target_status text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX regulator_clarifications_order ON regulator_clarifications (order_id);

-- A warning letter received from the regulator: ST1, then ST2, then ST3 (each needs the one before).
CREATE TABLE regulator_warnings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid NOT NULL REFERENCES regulator_orders (id),
  level smallint NOT NULL CHECK (level IN (1, 2, 3)),
  letter_date date NOT NULL,
  letter_number text NOT NULL,
  file text,
  -- For ST2: the platform's commitment letter (date, reference, upload id).
  commitment_date date,
  commitment_reference text,
  commitment_file text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (order_id, level)
);

-- Fines, in whole rupiah, as the letters state them: per order and warning.
CREATE TABLE regulator_fines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid NOT NULL REFERENCES regulator_orders (id),
  warning_id uuid NOT NULL REFERENCES regulator_warnings (id),
  amount_idr bigint NOT NULL CHECK (amount_idr > 0),
  -- Its place among the fines of its letter.
  position integer NOT NULL DEFAULT 0,
  imposed_on date NOT NULL,
  note text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX regulator_fines_by_date ON regulator_fines (imposed_on);
