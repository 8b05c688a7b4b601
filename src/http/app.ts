import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { isSaringError, SaringError, type ErrorCode } from '../errors/errors.js';
import { authorise, type Authenticator, type RouteAccess } from '../access/auth.js';
import { parseJsonBytes } from '../shared/json.js';
import { MAX_PROBLEMS, parseInput } from '../shared/validate.js';

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;

/** A capability's routes: a function that adds them to the app, given the engine parts they use. */
export type Routes<Deps> = (app: App, deps: Deps) => void | Promise<void>;

/** Content types of raw media bodies, taken only by the routes registered with {@link withMediaBodies}. */
export const MEDIA_TYPES = /^(?:application\/octet-stream|image\/[\w.+-]+|video\/[\w.+-]+)$/;
export const MEDIA_BODY_TYPES = ['application/octet-stream', 'image/*', 'video/*'] as const;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The content types a route takes besides none; default `application/json` when it has a body schema. */
    bodyTypes?: readonly string[];
  }
}

/** Longest path parameter (URL-encoded): an external id of 256 characters may take 12 bytes each. */
export const MAX_PARAM_BYTES = 3_072;
/** Longest error message an answer carries, whatever the input. */
const MAX_MESSAGE = 1_000;

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_VALIDATION: 'validation_failed',
};

/** The content types a route takes: what it declares, else JSON when it has a body schema, else none. */
function bodyTypes(route: { config?: { bodyTypes?: readonly string[] } | undefined; schema?: { body?: unknown } | undefined }): readonly string[] {
  return route.config?.bodyTypes ?? (route.schema?.body ? ['application/json'] : []);
}

function routeName(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]!.slice(0, 200)}`;
}

/** Every error leaves as `{ error: { code, message } }` with the catalogue's status. */
function toSaringError(err: FastifyError | Error, request: FastifyRequest): SaringError {
  if (isSaringError(err)) return err;
  const code = (err as FastifyError).code;
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const types = bodyTypes(request.routeOptions);
    const got = String(request.headers['content-type'] ?? 'none').slice(0, 100);
    return new SaringError(
      'unsupported_media_type',
      types.length ? `${routeName(request)} takes ${types.join(', ')}; got ${got}.` : `${routeName(request)} takes no body; got ${got}.`,
      { accepted: types },
    );
  }
  if (code && FASTIFY_CODES[code]) return new SaringError(FASTIFY_CODES[code], err.message);
  const status = (err as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) return new SaringError('validation_failed', err.message);
  return new SaringError('internal');
}

/** The answer's body: the code, a bounded message and bounded details, whatever the input was. */
export function sendError(reply: FastifyReply, err: SaringError): FastifyReply {
  const message = err.message.length > MAX_MESSAGE ? `${err.message.slice(0, MAX_MESSAGE)}…` : err.message;
  const body: { error: { code: string; message: string; details?: unknown } } = { error: { code: err.code, message } };
  if (err.details !== undefined && err.code !== 'internal') body.error.details = boundDetails(err.details);
  return reply.status(err.status).type('application/json; charset=utf-8').send(body);
}

function boundDetails(details: unknown): unknown {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return details;
  const problems = (details as { problems?: unknown }).problems;
  if (!Array.isArray(problems) || problems.length <= MAX_PROBLEMS) return details;
  return { ...details, problems: problems.slice(0, MAX_PROBLEMS), moreProblems: problems.length - MAX_PROBLEMS };
}

export interface AppOptions {
  /** Adds the routes; called once the shared plumbing is in place. */
  routes: (app: App) => void | Promise<void>;
  /** Turns a request's API key into a principal (every route but the public ones). */
  auth: Authenticator;
  bodyLimitBytes: number;
  /** The server log (Fastify's pino): off, or a level and, for tests, the stream it writes to. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /**
   * The share of requests (0 to 1, default 1) that leave their one info line, for heavy load
   * (SARING_LOG_SAMPLE); 0 turns request lines off. Answers with a 5xx status are always logged.
   */
  logSample?: number;
  /** Which proxies to believe about the client's address and scheme (SARING_TRUST_PROXY; see config). */
  trustProxy?: boolean | string;
  version?: string;
  /** What `/healthz` reports besides `ok`. */
  health?: () => Record<string, unknown>;
  /**
   * Called once per answered request with its route pattern (`unmatched` for no route), method,
   * status and duration: the server counts and times requests on the engine's metrics with it.
   */
  observe?: (route: string, method: string, status: number, seconds: number) => void;
}

let stdoutLines: { write(line: string): void } | undefined;

/**
 * The server log's destination when none is given: standard output, with the lines of one turn of
 * the event loop written together (one write for many requests under load, not one each); what
 * is pending is written when the process exits.
 */
function batchedStdout(): { write(line: string): void } {
  if (stdoutLines) return stdoutLines;
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    process.stdout.write(text);
  };
  process.on('exit', flush);
  stdoutLines = {
    write(line) {
      if (pending.push(line) === 1) setImmediate(flush);
    },
  };
  return stdoutLines;
}

/** An incoming `x-request-id` is kept when it is this plain and short; otherwise a new one is made. */
const REQUEST_ID = /^[\w.:@-]{1,128}$/;

/** Requests that leave no log line: liveness probes and the console's (and API docs') static files. */
function quiet(route: string | undefined): boolean {
  return route === undefined || route === '/healthz' || route === '/' || route === '/console' || route.startsWith('/console/') || route.startsWith('/docs');
}

/** A route as the app registered it: who may call it and what it takes. */
export interface RouteInfo {
  method: string;
  url: string;
  permission: RouteAccess;
  bodyTypes: readonly string[];
}

const ROUTE_TABLES = new WeakMap<object, RouteInfo[]>();

/** Every route of an app built by {@link buildApp} (the API docs' own pages aside), in registration order. */
export function routeTable(app: App): readonly RouteInfo[] {
  return ROUTE_TABLES.get(app) ?? [];
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

/**
 * Builds the HTTP app without listening, so tests drive it with `inject()`.
 * Capabilities add their own routes (`routes`); this file holds what they share.
 *
 * Every route declares who may call it (`config.permission`); the app checks it first, in
 * `onRequest`, before any body is read, parsed or validated, so an unauthenticated caller costs
 * one key lookup whatever it sends. Then a route without a body refuses one before the route's own
 * validation (`parseInput`: the same rules for every input, whichever door it came through).
 */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    // pino; requests are logged once each, by the onResponse hook below, never with their URL's
    // query, headers or body (keys, cookies and tokens stay out of the log).
    logger:
      options.logger && typeof options.logger === 'object'
        ? { level: options.logger.level, stream: options.logger.stream ?? batchedStdout(), redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'] }
        : (options.logger ?? false),
    logController: new Fastify.LogController({ disableRequestLogging: true, requestIdLogLabel: 'reqId' }),
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: options.trustProxy ?? false,
    bodyLimit: options.bodyLimitBytes,
    routerOptions: { maxParamLength: MAX_PARAM_BYTES },
    // Errors of the router itself (a malformed or over-long path) leave through the catalogue too.
    frameworkErrors: (err, _request, reply) =>
      sendError(
        reply,
        err.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? new SaringError('uri_too_long', `A path parameter is longer than ${MAX_PARAM_BYTES} bytes.`)
          : new SaringError('validation_failed', 'The path is not a valid URL component.'),
      ),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(({ schema }) => (data) => {
    try {
      return { value: parseInput(schema as z.ZodType, data) };
    } catch (err) {
      return { error: err as Error };
    }
  });
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  // JSON only (what it holds is checked with the route's schema, by parseInput); raw media bodies
  // only on the routes registered with withMediaBodies().
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseJsonBytes(body as Buffer));
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  // Every answer names its request id (the caller's, or a new one), to find its log line.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const sample = Math.min(1, Math.max(0, options.logSample ?? 1));
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url;
    const ms = reply.elapsedTime;
    const status = reply.statusCode;
    // Unmatched paths share one label: a scanner's thousand made-up paths must not make a thousand series.
    options.observe?.(route ?? 'unmatched', request.method, status, ms / 1000);
    // One line per request, none for probes and static files; sampled under load when configured.
    if (quiet(route)) return;
    if (status >= 500 || sample >= 1) request.log.info({ method: request.method, route, status, ms: Math.round(ms * 10) / 10 }, 'request');
    else if (sample > 0 && Math.random() < sample) request.log.info({ method: request.method, route, status, ms: Math.round(ms * 10) / 10, sampled: sample }, 'request');
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const saringError = toSaringError(err, request);
    if (saringError.code === 'internal') request.log.error(err);
    return sendError(reply, saringError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new SaringError('route_not_found', `No route ${request.method} ${request.url.split('?')[0]!.slice(0, 200)}.`)),
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Saring API',
        version: options.version ?? '0.1.0',
        description:
          'Trust-and-safety and regulatory-compliance engine. Machines authenticate with `Authorization: Bearer <API key>`; ' +
          'people sign in (`POST /v1/session`) and send the `saring_session` cookie, plus `X-CSRF-Token` on every change. ' +
          'Errors are `{ "error": { "code", "message" } }` with a code from a stable catalogue.',
      },
      components: {
        securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'saring_session' } },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // From here on every route must say who may call it.
  const table: RouteInfo[] = [];
  ROUTE_TABLES.set(app, table);
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    if (!permission) throw new Error(`${String(route.method)} ${route.url} declares no config.permission`);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      table.push({ method, url: route.url, permission, bodyTypes: bodyTypes(route) });
    }
  });
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission) return; // no such route (404), or the API docs
    if (permission !== 'public') request.principal = await authorise(options.auth, request, permission);
    if (hasBody(request) && bodyTypes(request.routeOptions).length === 0) {
      throw new SaringError('validation_failed', `${routeName(request)} takes no body.`);
    }
  });
  app.addHook('preValidation', async (request) => {
    if (['POST', 'PUT', 'PATCH'].includes(request.method) && request.routeOptions.schema?.body && request.body === undefined) {
      throw new SaringError('empty_body');
    }
  });

  app.get('/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true }, config: { permission: 'public' } }, async () => ({ ok: true, ...options.health?.() }));

  await options.routes(app);
  return app;
}

/**
 * Registers routes that take an image or video as the raw body, in a scope of their own: the
 * body reaches the handler as a stream (never buffered in memory; the handler writes it to disk
 * under the size limit), and no other route accepts such a body. Routes here declare
 * `config.bodyTypes`.
 */
export async function withMediaBodies(app: App, register: (scope: App) => void | Promise<void>): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser(MEDIA_TYPES, (request, payload, done) => {
      if (request.headers['content-length'] === '0') done(new SaringError('empty_body', 'The media body is empty.'), undefined);
      else done(null, payload);
    });
    await register(scope as App);
  });
}

/** The raw body stream of a media route; JSON or no body is refused with the types it takes. */
export function mediaStream(body: unknown): NodeJS.ReadableStream {
  if (!body || typeof (body as NodeJS.ReadableStream).pipe !== 'function') {
    throw new SaringError('unsupported_media_type', `Send the file as the raw body with content-type ${MEDIA_BODY_TYPES.join(', ')}.`, { accepted: MEDIA_BODY_TYPES });
  }
  return body as NodeJS.ReadableStream;
}
