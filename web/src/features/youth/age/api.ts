import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, type Answer, type Body } from '../../../api/client';

export type AgeDetail = Answer<'/v1/accounts/{id}/age', 'get'>;
export type AgeRecord = NonNullable<AgeDetail['record']>;
export type AgeStatus = AgeDetail['status'];
export type AgeBand = AgeRecord['band'];
export type Assurance = AgeRecord['assurance'];
export type AgeCase = Answer<'/v1/age/cases/{id}', 'get'>;
export type CaseStatus = AgeCase['status'];
export type AgeEvent = AgeDetail['events'][number];
export type AgeCheck = AgeDetail['checks'][number];
export type Eligibility = Answer<'/v1/accounts/{id}/eligibility', 'get'>;
export type DecisionBody = Body<'/v1/age/cases/{id}/decision', 'post'>;

/** The API's statuses and bands (src/youth/age/bands.ts), in the order the console shows them. */
export const AGE_STATUSES = ['allowed', 'restricted_minor', 'not_allowed', 'pending_verification', 'under_review'] as const satisfies readonly AgeStatus[];
export const CASE_STATUSES = ['open', 'accepted', 'rejected'] as const satisfies readonly CaseStatus[];

export const ageKeys = {
  all: ['age'] as const,
  cases: (status: CaseStatus) => ['age', 'cases', status] as const,
  account: (id: string) => ['age', 'account', id] as const,
  eligibility: (id: string) => ['age', 'eligibility', id] as const,
};

/** Age reviews of one status, oldest first (the queue's order). */
export function useAgeCases(status: CaseStatus) {
  return useQuery({ queryKey: ageKeys.cases(status), queryFn: () => data(api.GET('/v1/age/cases', { params: { query: { status, limit: 100 } } })), refetchInterval: 30_000 });
}

/** One account's age record with its events, checks, consents and open review. */
export function useAccountAge(id: string) {
  return useQuery({ queryKey: ageKeys.account(id), queryFn: () => data(api.GET('/v1/accounts/{id}/age', { params: { path: { id } } })), retry: false });
}

export function useEligibility(id: string, enabled = true) {
  return useQuery({ queryKey: ageKeys.eligibility(id), queryFn: () => data(api.GET('/v1/accounts/{id}/eligibility', { params: { path: { id } } })), enabled });
}

/** Decides an age review (accept or reject, with a reason); everything age-related shown is refreshed. */
export function useDecide() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DecisionBody }) => data(api.POST('/v1/age/cases/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ageKeys.all }),
  });
}
