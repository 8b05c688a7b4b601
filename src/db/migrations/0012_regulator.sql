-- The regulator channel (docs/regulator.md): takedown orders from authorities, their targets and
-- clocks, each organisation's liaison, and an e-mail outbox an operator's mailer reads.

-- An authority's order. One per (organisation, order number): the same number again is the same order.
CREATE TABLE regulator_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation text NOT NULL,
  order_number text NOT NULL,
  category text NOT NULL,
  -- Marked urgent by the authority (its deadline is then 4 hours whatever the category).
  urgent boolean NOT NULL DEFAULT false,
  legal_basis text NOT NULL,
  legal_analysis text,
  requested_action text NOT NULL DEFAULT 'remove',
  letter text,
  -- Upload ids of the screenshots that came with it.
  screenshots jsonb NOT NULL DEFAULT '[]',
  -- When the letter was issued, as the authority gives it (the clock runs from receipt).
  issued_at timestamptz,
  received_at timestamptz NOT NULL DEFAULT now(),
  due_at timestamptz NOT NULL,
  -- Reminders sent so far (50, 80, 100: percent of the time), and when the deadline was missed.
  reminders jsonb NOT NULL DEFAULT '[]',
  breached_at timestamptz,
  created_by text NOT NULL,
  UNIQUE (organisation, order_number)
);
CREATE INDEX regulator_orders_by_org ON regulator_orders (organisation, received_at DESC, id DESC);

-- What an order names: a URL, Saring's content id or the platform's id, resolved to stored content
-- when it can be (`not_found` otherwise). `pending` until the content is removed.
CREATE TABLE regulator_order_targets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid NOT NULL REFERENCES regulator_orders (id),
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('url', 'contentId', 'externalId')),
  value text NOT NULL,
  content_id uuid REFERENCES content_items (id),
  case_id uuid REFERENCES review_cases (id),
  status text NOT NULL CHECK (status IN ('pending', 'taken_down', 'already_removed', 'not_found')),
  decision_id uuid REFERENCES decisions (id),
  handled_at timestamptz,
  -- For taken_down / already_removed: when, by which decision, how many hashes were banked.
  proof jsonb,
  UNIQUE (order_id, position),
  UNIQUE (order_id, kind, value)
);
CREATE INDEX regulator_order_targets_pending ON regulator_order_targets (content_id) WHERE status = 'pending';
CREATE INDEX regulator_order_targets_content ON regulator_order_targets (content_id);

-- The platform's contact person for an organisation: told of every new order and of its clock.
CREATE TABLE regulator_liaisons (
  organisation text PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- E-mails to send: an operator's mailer reads the unsent ones and sets sent_at (no SMTP in Saring).
CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address text NOT NULL,
  to_name text,
  subject text NOT NULL,
  body text NOT NULL,
  -- What it is about, e.g. 'order.received' / 'order.reminder', and the order's id.
  kind text NOT NULL,
  ref text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX mail_outbox_unsent ON mail_outbox (created_at) WHERE sent_at IS NULL;
