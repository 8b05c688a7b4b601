import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/**
 * What to tell a person about a failed request: for an API error, the catalogue's text for its
 * stable code when there is one (`common:errors.<code>`), else the API's own message (English,
 * from the server); for anything else (the request never got an answer), the network error.
 */
export function errorText(t: TFunction<any, any>, err: unknown): string {
  if (!(err instanceof ApiError)) return t('common:errors.network');
  return t(`common:errors.${err.code}`, { defaultValue: err.message, message: err.message });
}
