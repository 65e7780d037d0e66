import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/database.js';
import type { ServiceContext } from '../services/context.js';
import { registerErrorHandling } from './errors/error-handler.js';
import { calendarRoutes } from './routes/calendar.routes.js';
import { complaintRoutes } from './routes/complaints.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { homeRoutes } from './routes/home.routes.js';
import { policyRoutes } from './routes/policy.routes.js';

export interface AppOptions {
  db: Database;
  timeZone: string;
  /** Injected in tests; the wall clock otherwise. */
  now?: () => Date;
  logLevel?: string;
}

/** 4 MiB: room for a long letter; a field's own limit names it long before this is reached. */
export const BODY_LIMIT = 4 * 1024 * 1024;

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'info' },
    bodyLimit: BODY_LIMIT,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // JSON only, except where a route plugin adds a parser of its own (calendar .ics upload).
  app.removeContentTypeParser('text/plain');

  await app.register(swagger, {
    openapi: {
      info: {
        title: '保险证券投诉管理系统 API',
        description: 'Complaint management for an insurance and securities company. Errors are {code, message, fields}; messages in zh-CN, or en-US with Accept-Language: en.',
        version: '0.1.0',
      },
      tags: [
        { name: 'complaints', description: '投诉受理、台账与分级' },
        { name: 'policy', description: '制度配置（版本化）' },
        { name: 'calendar', description: '工作日历（节假日与调休）' },
        { name: 'system', description: '系统状态' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const ctx: ServiceContext = { db: opts.db, timeZone: opts.timeZone, now: opts.now ?? (() => new Date()) };
  await app.register(homeRoutes);
  await app.register(healthRoutes(opts.db));
  await app.register(policyRoutes(ctx));
  await app.register(calendarRoutes(ctx));
  await app.register(complaintRoutes(ctx));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
