import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, type Answer, type Body } from '../../api/client';

export type Queue = Answer<'/v1/review/queues', 'get'>['queues'][number];
export type ReviewCase = Answer<'/v1/review/cases/{id}/claim', 'post'>['case'];
export type CaseDetail = Answer<'/v1/review/cases/{id}', 'get'>;
export type ReviewSettings = Answer<'/v1/review/settings', 'get'>;
export type DecideBody = Body<'/v1/review/cases/{id}/decision', 'post'>;
export type BulkRun = Answer<'/v1/review/bulk/{id}', 'get'>;

/** The review API as the console's pages use it (server state through TanStack Query). */
export const reviewKeys = {
  queues: ['review', 'queues'] as const,
  cases: (status: string) => ['review', 'cases', status] as const,
  case: (id: string) => ['review', 'case', id] as const,
  settings: ['review', 'settings'] as const,
};

export function useQueues() {
  return useQuery({ queryKey: reviewKeys.queues, queryFn: () => data(api.GET('/v1/review/queues')), refetchInterval: 15_000 });
}

export function useCases(status: 'active' | 'closed') {
  return useQuery({
    queryKey: reviewKeys.cases(status),
    queryFn: () => data(api.GET('/v1/review/cases', { params: { query: { status, order: 'priority', limit: 100 } } })),
    refetchInterval: 15_000,
  });
}

export function useReviewSettings() {
  return useQuery({ queryKey: reviewKeys.settings, queryFn: () => data(api.GET('/v1/review/settings')), staleTime: 5 * 60_000 });
}

export function useCase(id: string) {
  return useQuery({ queryKey: reviewKeys.case(id), queryFn: () => data(api.GET('/v1/review/cases/{id}', { params: { path: { id } } })) });
}

/** After any change to cases: the lists and the case are asked again. */
export function useInvalidateReview() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['review'] });
}

/** Claims the next case (of a queue, or any): the case, or null when nothing is left. */
export function useClaimNext() {
  const invalidate = useInvalidateReview();
  return useMutation({
    mutationFn: async (queue?: string) => {
      const r = await data(api.POST('/v1/review/claim', { params: { query: queue ? { queue } : {} } }));
      return r ? r.case : null;
    },
    onSettled: invalidate,
  });
}
