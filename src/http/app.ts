import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { isSaringError, SaringError, type ErrorCode } from '../errors/errors.js';
import { parseInput } from '../shared/validate.js';

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;

/** A capability's routes: a function that adds them to the app, given the engine parts they use. */
/** Content types of raw media bodies. */
export const MEDIA_TYPES = /^(?:application\/octet-stream|image\/[\w.+-]+|video\/[\w.+-]+)$/;

export type Routes<Deps> = (app: App, deps: Deps) => void | Promise<void>;

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_VALIDATION: 'validation_failed',
};

/** Every error leaves as `{ error: { code, message } }` with the catalogue's status. */
function toSaringError(err: FastifyError | Error): SaringError {
  if (isSaringError(err)) return err;
  const code = (err as FastifyError).code;
  if (code && FASTIFY_CODES[code]) return new SaringError(FASTIFY_CODES[code], err.message);
  const status = (err as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) return new SaringError('validation_failed', err.message);
  return new SaringError('internal');
}

export function sendError(reply: FastifyReply, err: SaringError): FastifyReply {
  const body: { error: { code: string; message: string; details?: unknown } } = { error: { code: err.code, message: err.message } };
  if (err.details !== undefined && err.code !== 'internal') body.error.details = err.details;
  return reply.status(err.status).type('application/json; charset=utf-8').send(body);
}

/** Every string in a parsed JSON value is well-formed Unicode (no lone surrogates from `\ud800`). */
function allStringsWellFormed(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (!v.isWellFormed()) return false;
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (!k.isWellFormed()) return false;
        stack.push(child);
      }
    }
  }
  return true;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses a JSON body strictly: valid UTF-8, valid JSON, well-formed strings. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) throw new SaringError('empty_body');
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new SaringError('invalid_utf8', 'The body is not valid UTF-8.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new SaringError('invalid_json', `The body is not valid JSON: ${(err as Error).message}`);
  }
  if (!allStringsWellFormed(value)) throw new SaringError('invalid_utf8', 'The body contains unpaired surrogates (invalid Unicode).');
  return value;
}

export interface AppOptions {
  /** Adds the routes; called once the shared plumbing is in place. */
  routes: (app: App) => void | Promise<void>;
  bodyLimitBytes: number;
  logger?: boolean | { level: string };
  version?: string;
  /** Largest raw media upload (`application/octet-stream`, `image/*`, `video/*`). */
  mediaLimitBytes?: number;
  /** What `/healthz` reports besides `ok`. */
  health?: () => Record<string, unknown>;
}

/**
 * Builds the HTTP app without listening, so tests drive it with `inject()`.
 * Capabilities add their own routes (`routes`); this file holds what they share.
 */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimitBytes,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(({ schema }) => (data) => {
    try {
      return { value: parseInput(schema as z.ZodType, data) };
    } catch (err) {
      return { error: err as Error };
    }
  });
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  // Media arrives as the raw body; routes that take it say so, others reject it as a wrong body.
  app.addContentTypeParser(
    MEDIA_TYPES,
    { parseAs: 'buffer', bodyLimit: options.mediaLimitBytes ?? 200 * 1024 * 1024 },
    (_req, body, done) => {
      if ((body as Buffer).length === 0) done(new SaringError('empty_body', 'The media body is empty.'), undefined);
      else done(null, body);
    },
  );

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const saringError = toSaringError(err);
    if (saringError.code === 'internal') request.log.error(err);
    return sendError(reply, saringError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new SaringError('route_not_found', `No route ${request.method} ${request.url.split('?')[0]}.`)),
  );
  app.addHook('preValidation', async (request) => {
    if (['POST', 'PUT', 'PATCH'].includes(request.method) && request.routeOptions.schema?.body && request.body === undefined) {
      throw new SaringError('empty_body');
    }
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Saring API',
        version: options.version ?? '0.1.0',
        description:
          'Trust-and-safety and regulatory-compliance engine. Authenticate with `Authorization: Bearer <API key>`. ' +
          'Errors are `{ "error": { "code", "message" } }` with a code from a stable catalogue.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true, ...options.health?.() }));

  await options.routes(app);
  return app;
}

/** The raw body of a media upload route; JSON or no body is refused. */
export function rawBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) {
    throw new SaringError('unsupported_media_type', 'Send the file as the raw body with content-type application/octet-stream, image/* or video/*.');
  }
  return body;
}
