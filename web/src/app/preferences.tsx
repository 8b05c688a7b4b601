import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, data, type Answer, type Body } from '../api/client';
import { setLanguage, rememberedLanguage } from '../i18n';
import { useSession } from './session';

/** A person's console preferences as the API has them (`GET /v1/me/preferences`). */
export type ConsolePreferences = Answer<'/v1/me/preferences', 'get'>['effective'];
export type PreferenceChange = Body<'/v1/me/preferences', 'put'>;

/** Western Indonesian Time, the console's default time zone (the organisation's defaults or a person's choice change it). */
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/** Until the person's own preferences arrive: media fully blurred and grey, muted, still. */
const WHILE_LOADING: ConsolePreferences = { language: rememberedLanguage(), mediaBlur: 100, greyscale: true, autoplay: false, mute: true, timeZone: DEFAULT_TIME_ZONE };

/** The CSS blur, in pixels, of a blur preference from 0 (none) to 100 (strongest). */
export function blurPixels(mediaBlur: number): number {
  return Math.round((mediaBlur * 40) / 100);
}

function usePreferenceQuery() {
  const { session } = useSession();
  return useQuery({
    queryKey: ['preferences'],
    queryFn: () => data(api.GET('/v1/me/preferences')),
    enabled: !!session,
    staleTime: 60_000,
  });
}

/** The person's effective console preferences (organisation defaults with their own choices on top). */
export function usePreferences(): ConsolePreferences {
  return usePreferenceQuery().data?.effective ?? WHILE_LOADING;
}

/** Changes some of the person's preferences (the API replaces them all: the others are sent as they were). */
export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (change: PreferenceChange) => {
      const current = client.getQueryData<Answer<'/v1/me/preferences', 'get'>>(['preferences']) ?? (await data(api.GET('/v1/me/preferences')));
      return data(api.PUT('/v1/me/preferences', { body: { ...current.personal, ...change } }));
    },
    onSuccess: (view) => client.setQueryData(['preferences'], view),
  });
}

/** A language the person chose on another browser follows them here once signed in. */
export function useLanguagePreference(): void {
  const chosen = usePreferenceQuery().data?.personal.language;
  useEffect(() => {
    if (chosen && chosen !== rememberedLanguage()) void setLanguage(chosen);
  }, [chosen]);
}
