import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { SaringError } from '../errors/errors.js';

export const metricsQuerySchema = z
  .object({
    /** The window decisions and closed cases are counted in (default: the last 30 days). */
    since: z.iso.datetime({ offset: true }).optional(),
    until: z.iso.datetime({ offset: true }).optional(),
    /** The time zone moderators' days are counted in (IANA name, default UTC). */
    timeZone: z.string().max(64).optional(),
  })
  .strict();

export interface QueueMetrics {
  queue: string;
  /** Now: cases not closed, the oldest one's opening time, and how many are past their deadline. */
  open: number;
  oldest: string | null;
  breachedOpen: number;
  /** In the window: cases decided, their median and 90th-percentile time from opening to decision (seconds), and how many were decided after their deadline. */
  decided: number;
  medianSecondsToDecision: number | null;
  p90SecondsToDecision: number | null;
  breachedDecided: number;
}

export interface ReviewMetrics {
  window: { since: string; until: string; timeZone: string };
  queues: QueueMetrics[];
  /** Moderators' decisions per day (in `timeZone`), through any door. */
  moderators: { userId: string; name: string | null; day: string; decisions: number }[];
  /** Every decision in the window by who took it: automated (the scan), human (a moderator), a regulator's order. */
  decisions: { total: number; automated: number; human: number; order: number; automatedShare: number | null; humanShare: number | null };
  /** Appeal cases decided in the window, and how many changed the decision appealed against (null: none decided). */
  appeals: { decided: number; overturned: number; overturnRate: number | null };
}

const DAY = 86_400_000;
const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);
const seconds = (v: number | null) => (v === null ? null : Math.round(v));

export async function reviewMetrics(db: Db, query: z.output<typeof metricsQuerySchema>): Promise<ReviewMetrics> {
  const until = query.until ? new Date(query.until) : new Date();
  const since = query.since ? new Date(query.since) : new Date(until.getTime() - 30 * DAY);
  if (since >= until) throw new SaringError('validation_failed', 'since must be before until.');
  const timeZone = query.timeZone ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new SaringError('validation_failed', `timeZone: ${timeZone} is not an IANA time zone (e.g. Asia/Jakarta).`);
  }
  const inWindow = sql<boolean>`closed_at >= ${since} AND closed_at < ${until}`;
  const queues = await db
    .selectFrom('review_cases')
    .where((eb) => eb.or([eb('status', '<>', 'closed'), eb.and([eb('closed_at', '>=', since), eb('closed_at', '<', until)])]))
    .groupBy('queue')
    .orderBy('queue')
    .select([
      'queue',
      sql<number>`(count(*) FILTER (WHERE status <> 'closed'))::int`.as('open'),
      sql<Date | null>`min(created_at) FILTER (WHERE status <> 'closed')`.as('oldest'),
      sql<number>`(count(*) FILTER (WHERE status <> 'closed' AND due_at < now()))::int`.as('breached_open'),
      sql<number>`(count(*) FILTER (WHERE status = 'closed' AND ${inWindow}))::int`.as('decided'),
      sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch from closed_at - created_at)) FILTER (WHERE status = 'closed' AND ${inWindow})`.as('median'),
      sql<number | null>`percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch from closed_at - created_at)) FILTER (WHERE status = 'closed' AND ${inWindow})`.as('p90'),
      sql<number>`(count(*) FILTER (WHERE status = 'closed' AND ${inWindow} AND closed_at > due_at))::int`.as('breached_decided'),
    ])
    .execute();

  const moderators = await db
    .selectFrom('decisions')
    .leftJoin('operator_users', 'operator_users.id', 'decisions.actor_id')
    .where('decisions.actor_type', '=', 'moderator')
    .where('decisions.created_at', '>=', since)
    .where('decisions.created_at', '<', until)
    .groupBy(['decisions.actor_id', 'operator_users.name', sql`3`])
    .orderBy(sql`3`)
    .orderBy('operator_users.name')
    .select([
      'decisions.actor_id',
      'operator_users.name',
      sql<string>`to_char(decisions.created_at AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`.as('day'),
      sql<number>`count(*)::int`.as('n'),
    ])
    .execute();

  const byActor = await db
    .selectFrom('decisions')
    .where('created_at', '>=', since)
    .where('created_at', '<', until)
    .groupBy('actor_type')
    .select(['actor_type', sql<number>`count(*)::int`.as('n')])
    .execute();
  const count = (t: string) => byActor.find((r) => r.actor_type === t)?.n ?? 0;
  const total = byActor.reduce((s, r) => s + r.n, 0);

  // Appeals filed through POST /v1/appeals carry their own outcome (an upheld one records no new
  // decision). Other appeal cases (opened directly) overturn when their decision differs from the
  // one before it on the same item.
  const filed = await db
    .selectFrom('appeals')
    .where('status', '<>', 'open')
    .where('decided_at', '>=', since)
    .where('decided_at', '<', until)
    .select([sql<number>`count(*)::int`.as('decided'), sql<number>`(count(*) FILTER (WHERE status = 'overturned'))::int`.as('overturned')])
    .executeTakeFirstOrThrow();
  const appeals = await sql<{ decided: number; overturned: number }>`
    SELECT count(*)::int AS decided,
           (count(*) FILTER (WHERE prev.action IS NOT NULL AND prev.action <> d.action))::int AS overturned
    FROM review_cases c
    JOIN decisions d ON d.id = c.decision_id
    LEFT JOIN LATERAL (
      SELECT p.action FROM decisions p
      WHERE p.content_id = d.content_id AND p.created_at < d.created_at
      ORDER BY p.created_at DESC LIMIT 1
    ) prev ON true
    WHERE c.reason = 'appeal' AND c.status = 'closed' AND c.closed_at >= ${since} AND c.closed_at < ${until}
      AND NOT EXISTS (SELECT 1 FROM appeals WHERE appeals.id::text = c.ref)`.execute(db);
  const cases = appeals.rows[0] ?? { decided: 0, overturned: 0 };
  const a = { decided: cases.decided + filed.decided, overturned: cases.overturned + filed.overturned };

  return {
    window: { since: since.toISOString(), until: until.toISOString(), timeZone },
    queues: queues.map((q) => ({
      queue: q.queue,
      open: q.open,
      oldest: q.oldest ? new Date(q.oldest).toISOString() : null,
      breachedOpen: q.breached_open,
      decided: q.decided,
      medianSecondsToDecision: seconds(q.median),
      p90SecondsToDecision: seconds(q.p90),
      breachedDecided: q.breached_decided,
    })),
    moderators: moderators.map((m) => ({ userId: m.actor_id!, name: m.name, day: m.day, decisions: m.n })),
    decisions: {
      total,
      automated: count('automated'),
      human: count('moderator'),
      order: count('regulator_order'),
      automatedShare: ratio(count('automated'), total),
      humanShare: ratio(count('moderator'), total),
    },
    appeals: { decided: a.decided, overturned: a.overturned, overturnRate: ratio(a.overturned, a.decided) },
  };
}
