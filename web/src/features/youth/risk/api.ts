import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, data, type Answer, type Body } from '../../../api/client';

export type RiskAssessment = Answer<'/v1/youth/risk-assessments/{version}', 'get'>;
export type RiskBody = Body<'/v1/youth/risk-assessments', 'post'>;
export type RiskVersion = Answer<'/v1/youth/risk-assessments', 'get'>['versions'][number];
export type Aspect = keyof RiskAssessment['aspects'];
export type Level = RiskAssessment['aspects']['content']['level'];

/** PP 17/2025's seven aspects, in its order, and the levels (src/youth/risk/risk.ts). */
export const ASPECTS = ['content', 'contact', 'exploitation', 'personal_data', 'addiction', 'mental_health', 'physical_health'] as const satisfies readonly Aspect[];
export const LEVELS = ['low', 'medium', 'high', 'very_high'] as const satisfies readonly Level[];

const keys = { all: ['risk'] as const, history: ['risk', 'history'] as const, version: (v: number | 'latest') => ['risk', 'version', v] as const };

/** A version (`latest`: the newest); null when none has been saved yet. */
export function useRiskVersion(version: number | 'latest') {
  return useQuery({
    queryKey: keys.version(version),
    queryFn: async () => {
      try {
        return await data(api.GET('/v1/youth/risk-assessments/{version}', { params: { path: { version: String(version) }, query: { format: 'json' } } }));
      } catch (err) {
        if (err instanceof ApiError && err.status === 404 && version === 'latest') return null;
        throw err;
      }
    },
  });
}

export function useRiskHistory() {
  return useQuery({ queryKey: keys.history, queryFn: () => data(api.GET('/v1/youth/risk-assessments', { params: { query: { limit: 100 } } })) });
}

export function useSaveRisk() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RiskBody) => data(api.POST('/v1/youth/risk-assessments', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

/** The Indonesian document of a version, as the API writes it (Markdown). */
export async function riskMarkdown(version: number): Promise<string> {
  return data(api.GET('/v1/youth/risk-assessments/{version}', { params: { path: { version: String(version) }, query: { format: 'md' } }, parseAs: 'text' })) as Promise<string>;
}
