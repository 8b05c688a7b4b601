import type { TFunction } from 'i18next';
import type { ApiError } from '../api/client';

/**
 * What to tell a person about an API error: the catalogue's text for its stable code when there is
 * one (`common:errors.<code>`), else the API's own message (English, from the server).
 */
export function errorText(t: TFunction<any, any>, err: ApiError): string {
  return t(`common:errors.${err.code}`, { defaultValue: err.message, message: err.message });
}
