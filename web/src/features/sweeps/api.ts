import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, type Answer, type Body } from '../../api/client';

/** A sweep as the API answers it (GET /v1/sweeps/{id}). */
export type Sweep = Answer<'/v1/sweeps/{id}', 'get'>;
export type SweepStatus = Sweep['status'];
export type SweepMode = Sweep['mode'];
export type SweepFilter = NonNullable<Sweep['filter']>;
export type SweepBody = Body<'/v1/sweeps', 'post'>;
/** A sweep's report (GET /v1/sweeps/{id}/report): final once the sweep is finished. */
export type SweepReport = Answer<'/v1/sweeps/{id}/report', 'get'>;
export type Transition = SweepReport['transitions'][number];
export type Sample = SweepReport['samples'][number];
export type Agreement = NonNullable<SweepReport['agreement']>;

export const SWEEP_STATUSES = ['queued', 'running', 'paused', 'cancelled', 'finished', 'failed'] as const satisfies readonly SweepStatus[];
/** A sweep in one of these may still change: its page keeps asking. */
export const LIVE: readonly SweepStatus[] = ['queued', 'running', 'paused'];
export const isLive = (s: Sweep | undefined) => !!s && LIVE.includes(s.status);

/** What a sweep may be narrowed to (the API's Filter); content kinds, statuses and categories as the engine names them. */
export const CONTENT_KINDS = ['video', 'image', 'text', 'comment', 'profile'] as const;
export const CONTENT_STATUSES = ['active', 'in_review', 'held', 'restricted', 'removed'] as const;
export const CATEGORIES = ['gambling', 'pornography', 'csam', 'sara_hate', 'terrorism', 'drugs', 'fraud', 'violence', 'hoax', 'illegal_goods'] as const;
/** The policy's actions, mildest first: the order the report's tables and charts follow. */
export const ACTIONS = ['allow', 'restrict_16', 'restrict_18', 'review', 'remove'] as const;

const keys = {
  all: ['sweeps'] as const,
  list: ['sweeps', 'list'] as const,
  sweep: (id: string) => ['sweeps', 'sweep', id] as const,
  report: (id: string) => ['sweeps', 'report', id] as const,
};

/** Every sweep, newest first; asked again every 2 s while one may still change, else every 30 s. */
export function useSweeps() {
  return useQuery({
    queryKey: keys.list,
    queryFn: () => data(api.GET('/v1/sweeps')),
    refetchInterval: (q) => (q.state.data?.sweeps.some((s) => LIVE.includes(s.status)) ? 2_000 : 30_000),
  });
}

/** One sweep: live (every second) while queued or running, every 5 s while paused, then no more. */
export function useSweep(id: string) {
  return useQuery({
    queryKey: keys.sweep(id),
    queryFn: () => data(api.GET('/v1/sweeps/{id}', { params: { path: { id } } })),
    retry: false,
    refetchInterval: (q) => {
      const status = q.state.data?.status;
      if (status === 'queued' || status === 'running') return 1_000;
      return status === 'paused' ? 5_000 : false;
    },
  });
}

/**
 * A sweep's report, parsed and as the bytes the API sent (the JSON download is exactly those).
 * `version` changes when the sweep does, so a finished sweep's final report replaces a partial one.
 */
export function useSweepReport(id: string, version: string, enabled = true) {
  return useQuery({
    queryKey: [...keys.report(id), version],
    enabled,
    retry: false,
    queryFn: async () => {
      const bytes = await data(api.GET('/v1/sweeps/{id}/report', { params: { path: { id } }, parseAs: 'arrayBuffer' }));
      return { bytes, report: JSON.parse(new TextDecoder().decode(bytes)) as SweepReport };
    },
  });
}

export function useStartSweep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SweepBody) => data(api.POST('/v1/sweeps', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.all }),
  });
}

export type SweepCommand = 'pause' | 'resume' | 'cancel';

/** Pause, resume or cancel a sweep; the answer is the sweep as it is now. */
export function useSweepCommand(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (command: SweepCommand) => {
      const params = { params: { path: { id } } };
      if (command === 'pause') return data(api.POST('/v1/sweeps/{id}/pause', params));
      if (command === 'resume') return data(api.POST('/v1/sweeps/{id}/resume', params));
      return data(api.POST('/v1/sweeps/{id}/cancel', params));
    },
    onSuccess: (sweep) => {
      client.setQueryData(keys.sweep(id), sweep);
      void client.invalidateQueries({ queryKey: keys.list });
    },
  });
}

/** A stored policy version, as GET /v1/policy/versions lists them (that route declares no answer schema). */
export interface PolicyVersionInfo {
  version: number;
  label: string;
  sha256: string;
  note: string | null;
  createdAt: string;
  active: boolean;
}

/** The stored policy versions, newest first (permission policy:read; admins have it). */
export function usePolicyVersions(enabled: boolean) {
  return useQuery({
    queryKey: ['policy', 'versions'],
    enabled,
    queryFn: async () => ((await data(api.GET('/v1/policy/versions'))) as unknown as { versions: PolicyVersionInfo[] }).versions,
  });
}

export interface LexiconInfo {
  name: string;
  category: string;
  activeVersion: number;
  enabled: boolean;
  entries: number;
}
export interface LexiconVersionInfo {
  version: number;
  entries: number;
  note: string | null;
  createdAt: string;
  active: boolean;
}

/** The lexicons with their active versions (permission lexicon:read). */
export function useLexicons(enabled: boolean) {
  return useQuery({
    queryKey: ['lexicons'],
    enabled,
    queryFn: async () => ((await data(api.GET('/v1/lexicons'))) as unknown as { lexicons: LexiconInfo[] }).lexicons,
  });
}

/** One lexicon's versions, newest first. */
export function useLexiconVersions(name: string | null) {
  return useQuery({
    queryKey: ['lexicons', name, 'versions'],
    enabled: !!name,
    queryFn: async () => ((await data(api.GET('/v1/lexicons/{name}/versions', { params: { path: { name: name ?? '' } } }))) as unknown as { versions: LexiconVersionInfo[] }).versions,
  });
}
