import type { ColumnType, Generated } from 'kysely';

/** Kysely table types of migration 0012 (the regulator channel). JSON columns are written as strings. */
type Json<T> = ColumnType<T, string | undefined, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface RegulatorOrdersTable {
  id: Generated<string>;
  organisation: string;
  order_number: string;
  category: string;
  urgent: Generated<boolean>;
  legal_basis: string;
  legal_analysis: string | null;
  requested_action: Generated<string>;
  letter: string | null;
  screenshots: Json<string[]>;
  issued_at: NullableTimestamp;
  received_at: Timestamp;
  due_at: Date | string;
  reminders: Json<number[]>;
  breached_at: NullableTimestamp;
  created_by: string;
}

export interface RegulatorOrderTargetsTable {
  id: Generated<string>;
  order_id: string;
  position: number;
  kind: string;
  value: string;
  content_id: string | null;
  case_id: string | null;
  status: string;
  decision_id: string | null;
  handled_at: NullableTimestamp;
  proof: NullableJson<Record<string, unknown>>;
}

export interface RegulatorLiaisonsTable {
  organisation: string;
  name: string;
  email: string;
  updated_by: string;
  updated_at: Timestamp;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  to_name: string | null;
  subject: string;
  body: string;
  kind: string;
  ref: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  sent_at: NullableTimestamp;
}

export interface RegulatorTables {
  regulator_orders: RegulatorOrdersTable;
  regulator_order_targets: RegulatorOrderTargetsTable;
  regulator_liaisons: RegulatorLiaisonsTable;
  mail_outbox: MailOutboxTable;
}
