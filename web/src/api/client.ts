import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** An error answer of the API: its stable code (see docs/api.md) and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;

/** The session's CSRF token, sent with every state-changing request (set at sign-in and on load). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && UNSAFE.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

/**
 * The console's only way to the server: the public HTTP API, typed from its OpenAPI document
 * (`npm run api:client`). The session cookie goes along (same origin); nothing else is private.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

/** The data of an answer, or an {@link ApiError} thrown with the API's code and message. */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data: body, error, response } = await call;
  if (response.ok) return body as T;
  const e = (error ?? {}) as { error?: { code?: string; message?: string; details?: unknown } };
  throw new ApiError(response.status, e.error?.code ?? 'unknown', e.error?.message ?? response.statusText, e.error?.details);
}

type Success = 200 | 201 | 202;
/**
 * The JSON an operation answers with on success, from the generated schema:
 * `Answer<'/v1/session', 'get'>`.
 */
export type Answer<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? { [S in Success & keyof R]: R[S] extends { content: { 'application/json': infer T } } ? T : never }[Success & keyof R]
  : never;
/** The JSON body an operation takes. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;
