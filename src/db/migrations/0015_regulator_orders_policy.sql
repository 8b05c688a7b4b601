-- Orders' clocks from the active policy (docs/regulator.md), automatic removal where the policy
-- allows it, and requests for information with the platform's answer.

-- The clock as taken when the order was received (a later policy change does not move it): whether
-- the urgent clock applied, its length, and the policy version that set it (null: the built-in one).
ALTER TABLE regulator_orders ADD COLUMN urgent_clock boolean;
ALTER TABLE regulator_orders ADD COLUMN clock_seconds integer;
ALTER TABLE regulator_orders ADD COLUMN policy_version integer;
-- A request for information (requested_action 'information'): the platform's answer, who gave it and when.
ALTER TABLE regulator_orders ADD COLUMN answer jsonb;
ALTER TABLE regulator_orders ADD COLUMN answered_by text;
ALTER TABLE regulator_orders ADD COLUMN answered_at timestamptz;
ALTER TABLE regulator_orders ADD CONSTRAINT regulator_orders_requested_action_check CHECK (requested_action IN ('remove', 'information'));

-- A target of a request for information is `answered` when the platform answers the request.
ALTER TABLE regulator_order_targets DROP CONSTRAINT regulator_order_targets_status_check;
ALTER TABLE regulator_order_targets ADD CONSTRAINT regulator_order_targets_status_check
  CHECK (status IN ('pending', 'taken_down', 'already_removed', 'not_found', 'clarified', 'answered'));
