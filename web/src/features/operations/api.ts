import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, type Answer } from '../../api/client';

export type QueueRow = Answer<'/v1/jobs', 'get'>['queues'][number];
export type FailedJob = Answer<'/v1/jobs/failed', 'get'>['jobs'][number];
export interface Readiness {
  ready: boolean;
  checks: Record<string, { ok: boolean; detail?: string; error?: string }>;
}

/** How often the page refreshes what it shows (queues move fast). */
const REFRESH_MS = 5_000;

export const operationsKeys = {
  all: ['operations'] as const,
  queues: ['operations', 'queues'] as const,
  failed: (queue: string | null) => ['operations', 'failed', queue] as const,
  readiness: ['operations', 'readiness'] as const,
};

export function useQueues() {
  return useQuery({ queryKey: operationsKeys.queues, queryFn: () => data(api.GET('/v1/jobs')), refetchInterval: REFRESH_MS });
}

export function useFailedJobs(queue: string | null) {
  return useQuery({
    queryKey: operationsKeys.failed(queue),
    queryFn: () => data(api.GET('/v1/jobs/failed', { params: { query: { limit: 100, ...(queue ? { queue } : {}) } } })),
    refetchInterval: REFRESH_MS,
  });
}

/** /readyz answers 503 with the same body when something is not ready: both are shown. */
export function useReadiness() {
  return useQuery({
    queryKey: operationsKeys.readiness,
    queryFn: async (): Promise<Readiness> => {
      const { data: ok, error, response } = await api.GET('/readyz');
      const body = (ok ?? error) as Readiness | undefined;
      if (!body?.checks) throw new Error(response.statusText);
      return body;
    },
    refetchInterval: REFRESH_MS,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: operationsKeys.all });
}

export function useRetryJob() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => data(api.POST('/v1/jobs/failed/{id}/retry', { params: { path: { id } } })), onSettled: invalidate });
}

export function useRetryQueue() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (queue: string) => data(api.POST('/v1/jobs/failed/retry', { body: { queue } })), onSettled: invalidate });
}
