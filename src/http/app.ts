import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/database.js';
import compress from '@fastify/compress';
import type { SecuritySettings, ServiceContext } from '../services/context.js';
import { authentication } from './auth/auth.plugin.js';
import { registerSecurityHeaders } from './security-headers.js';
import type { ChannelSettings } from '../services/channels/channel-settings.js';
import { textGuard } from './input/text-guard.js';
import { auditRoutes } from './routes/audit.routes.js';
import { messageRoutes } from './routes/messages.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { orgRoutes } from './routes/org.routes.js';
import { userRoutes } from './routes/users.routes.js';
import { access } from './auth/route-access.js';
import { registerErrorHandling } from './errors/error-handler.js';
import { calendarRoutes } from './routes/calendar.routes.js';
import { complaintRoutes } from './routes/complaints.routes.js';
import { handlingComplaintRoutes } from './routes/handling-complaint.routes.js';
import { workflowRoutes } from './routes/workflow.routes.js';
import { evidenceRoutes } from './routes/evidence.routes.js';
import { correspondenceRoutes } from './routes/correspondence.routes.js';
import type { EvidenceSettings } from '../services/workflow/handlers/evidence-file.js';
import { complaintRecordRoutes } from './routes/complaint-records.routes.js';
import { notificationRoutes } from './routes/notifications.routes.js';
import { exceptionRoutes } from './routes/exceptions.routes.js';
import { improvementRoutes } from './routes/improvements.routes.js';
import { inspectionRoutes } from './routes/inspections.routes.js';
import { caseRoutes } from './routes/cases.routes.js';
import { majorRoutes } from './routes/major.routes.js';
import { retentionRoutes } from './routes/retention.routes.js';
import { boardRoutes } from './routes/board.routes.js';
import { regulatorStatisticsRoutes } from './routes/regulator-statistics.routes.js';
import { statisticsRoutes } from './routes/statistics.routes.js';
import { kpiRoutes } from './routes/kpi.routes.js';
import { assessmentRoutes } from './routes/assessments.routes.js';
import { trainingRoutes } from './routes/training.routes.js';
import { analysisRoutes } from './routes/analysis.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { webRoutes } from './routes/web.routes.js';
import { policyRoutes } from './routes/policy.routes.js';
import { publicRoutes } from './routes/public.routes.js';
import { portalRoutes } from './routes/portal.routes.js';
import { publicityRoutes, publicPublicityRoutes } from './routes/publicity.routes.js';
import { portalSettings, type PortalOptions } from '../services/portal/portal-settings.js';
import { workbenchRoutes } from './routes/workbench.routes.js';
import { documentRoutes } from './routes/documents.routes.js';
import { webhookRoutes } from './routes/webhooks.routes.js';
import { messageTemplateRoutes } from './routes/message-templates.routes.js';
import { mailboxRoutes } from './routes/mailboxes.routes.js';
import { hotlineRoutes } from './routes/hotline.routes.js';
import { reportRoutes } from './routes/reports.routes.js';
import { importRoutes } from './routes/imports.routes.js';
import { metricsRoutes } from './routes/metrics.routes.js';
import { createAppMetrics } from './metrics/app-metrics.js';
import { observability } from './metrics/observability.js';
import { logSerializers, requestIdFor } from './metrics/request-id.js';

export interface AppOptions {
  db: Database;
  /** a replica for statistics, analysis, KPI and report figures (DATABASE_READ_URL, #16 item 6); unset: db */
  readDb?: Database;
  timeZone: string;
  /** Injected in tests; the wall clock otherwise. */
  now?: () => Date;
  logLevel?: string;
  security: SecuritySettings;
  /** signs the session cookie */
  sessionSecret: string;
  /** behind a reverse proxy: take the client address and scheme from X-Forwarded-* */
  trustProxy?: boolean;
  /** sign-in attempts per minute per address and username */
  loginRateLimit?: number;
  /** the built web application to serve (the start command passes dist/web); without one, or before it is built, / is the landing page */
  webRoot?: string;
  /** evidence uploads: the largest file and the types accepted (EVIDENCE_MAX_BYTES, EVIDENCE_TYPES) */
  evidence?: EvidenceSettings;
  /** the portal's and the app's one-time codes and request limits (#12; PORTAL_LIMIT_*), default: portal-settings.ts */
  portal?: PortalOptions;
  /** e-mail, SMS, company name and public address (#11); default: the development mailbox */
  channels?: ChannelSettings;
  /** GET /metrics (#16 item 8): the scraper's bearer token (METRICS_TOKEN); unset or null, /metrics answers 404 */
  metrics?: { token: string | null };
}

/** 4 MiB: room for a long letter; a field's own limit names it long before this is reached. */
export const BODY_LIMIT = 4 * 1024 * 1024;

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // JSON lines with the request id (reqId); no query strings, bodies or error data (request-id.ts, #16 item 8)
    logger: { level: opts.logLevel ?? 'info', serializers: logSerializers },
    genReqId: requestIdFor,
    bodyLimit: BODY_LIMIT,
    trustProxy: opts.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // First of all hooks: no string the database cannot store reaches authentication, a parser's
  // consumer or a handler (#9 item 1, invariant 2).
  await app.register(textGuard);
  // X-Request-Id on every answer and the request histogram (#16 item 8)
  const metrics = createAppMetrics(opts.db);
  await app.register(observability, { metrics });
  // JSON only, except where a route plugin adds a parser of its own (calendar .ics upload).
  app.removeContentTypeParser('text/plain');

  await app.register(swagger, {
    openapi: {
      info: {
        title: '保险证券投诉管理系统 API',
        description:
          'Complaint management for an insurance and securities company. Errors are {code, message, fields}; messages in zh-CN, or en-US with Accept-Language: en.',
        version: '0.1.0',
      },
      tags: [
        { name: 'complaints', description: '投诉受理、台账与分级' },
        { name: 'policy', description: '制度配置（版本化）' },
        { name: 'calendar', description: '工作日历（节假日与调休）' },
        { name: 'workflow', description: '投诉处理流程' },
        { name: 'system', description: '系统状态' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const ctx: ServiceContext = {
    db: opts.db,
    ...(opts.readDb && opts.readDb !== opts.db ? { readDb: opts.readDb } : {}),
    timeZone: opts.timeZone,
    now: opts.now ?? (() => new Date()),
    security: opts.security,
    channels: opts.channels,
  };
  // gzip for clients that ask (the web app's bundle: 1.2 MB -> 0.38 MB on the wire)
  await app.register(compress, { global: true, threshold: 1024, encodings: ['gzip', 'deflate'] });
  // CSP on every answer, no-store on every API answer (#9 item 5)
  await registerSecurityHeaders(app);
  await app.register(authentication, { ctx, sessionSecret: opts.sessionSecret });
  await app.register(webRoutes({ root: opts.webRoot }));
  await app.register(authRoutes(ctx, { loginRateLimit: opts.loginRateLimit ?? 20 }));
  await app.register(orgRoutes(ctx));
  await app.register(userRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(healthRoutes(opts.db));
  await app.register(metricsRoutes({ metrics, token: opts.metrics?.token ?? null, now: ctx.now }));
  await app.register(policyRoutes(ctx));
  await app.register(calendarRoutes(ctx));
  await app.register(complaintRoutes(ctx));
  await app.register(handlingComplaintRoutes(ctx));
  await app.register(workflowRoutes(ctx));
  await app.register(evidenceRoutes(ctx, opts.evidence));
  await app.register(correspondenceRoutes(ctx, opts.evidence));
  await app.register(complaintRecordRoutes(ctx));
  await app.register(notificationRoutes(ctx));
  await app.register(exceptionRoutes(ctx));
  await app.register(improvementRoutes(ctx));
  await app.register(inspectionRoutes(ctx));
  await app.register(caseRoutes(ctx));
  await app.register(majorRoutes(ctx));
  await app.register(retentionRoutes(ctx));
  await app.register(publicRoutes(ctx));
  await app.register(portalRoutes(ctx, portalSettings(opts.portal, opts.evidence)));
  await app.register(publicityRoutes(ctx));
  await app.register(publicPublicityRoutes(ctx));
  await app.register(boardRoutes(ctx));
  await app.register(regulatorStatisticsRoutes(ctx));
  await app.register(statisticsRoutes(ctx));
  await app.register(kpiRoutes(ctx));
  await app.register(assessmentRoutes(ctx));
  await app.register(trainingRoutes(ctx, opts.evidence));
  await app.register(analysisRoutes(ctx));
  await app.register(workbenchRoutes(ctx));
  await app.register(documentRoutes(ctx));
  await app.register(webhookRoutes(ctx));
  await app.register(messageTemplateRoutes(ctx));
  await app.register(messageRoutes(ctx));
  await app.register(mailboxRoutes(ctx, { evidence: opts.evidence }));
  await app.register(hotlineRoutes(ctx));
  await app.register(reportRoutes(ctx));
  await app.register(importRoutes(ctx));
  app.get('/api/openapi.json', { config: { access: access.public }, schema: { hide: true } }, async () => app.swagger());
  return app;
}
