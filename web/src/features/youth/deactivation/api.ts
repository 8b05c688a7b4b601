import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, type Answer, type Body } from '../../../api/client';

export type PlanResult = Answer<'/v1/youth/deactivation/plans', 'post'>;
export type Plan = NonNullable<PlanResult['plan']>;
export type PlanBody = Body<'/v1/youth/deactivation/plans', 'post'>;
export type Reason = Plan['reasons'][number];
export type ProgrammeAccount = Answer<'/v1/youth/deactivation/accounts', 'get'>['accounts'][number];
export type Phase = ProgrammeAccount['phase'];
export type Summary = Answer<'/v1/youth/deactivation/summary', 'get'>;

/** The API's reasons and phases (src/youth/deactivation/deactivation.ts), in the programme's order. */
export const REASONS = ['declared_under_minimum', 'underage_signal', 'unverified_old_account'] as const satisfies readonly Reason[];
export const PHASES = ['reverification_requested', 'transition_notice', 'deactivated', 'cleared'] as const satisfies readonly Phase[];

const keys = {
  all: ['deactivation'] as const,
  summary: ['deactivation', 'summary'] as const,
  plans: ['deactivation', 'plans'] as const,
  accounts: (phase: Phase | null) => ['deactivation', 'accounts', phase] as const,
};

export function useSummary() {
  return useQuery({ queryKey: keys.summary, queryFn: () => data(api.GET('/v1/youth/deactivation/summary')), refetchInterval: 60_000 });
}

export function usePlans() {
  return useQuery({ queryKey: keys.plans, queryFn: () => data(api.GET('/v1/youth/deactivation/plans', { params: { query: { limit: 50 } } })), refetchInterval: 60_000 });
}

const PAGE = 25;

/** Accounts in the programme (of one phase, or all), latest phase change first, a page at a time. */
export function useProgrammeAccounts(phase: Phase | null) {
  return useInfiniteQuery({
    queryKey: keys.accounts(phase),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => data(api.GET('/v1/youth/deactivation/accounts', { params: { query: { limit: PAGE, ...(phase ? { phase } : {}), ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Counts what a plan would take (dry run), or starts it; a started plan refreshes everything shown. */
export function usePlanMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanBody) => data(api.POST('/v1/youth/deactivation/plans', { body })),
    onSuccess: (result) => {
      if (result.plan) void client.invalidateQueries({ queryKey: keys.all });
    },
  });
}
