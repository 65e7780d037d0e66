import type { FastifyPluginAsync } from 'fastify';
import { access } from '../auth/route-access.js';

const page = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>保险证券投诉管理系统</title>
<style>body{font-family:"Noto Sans CJK SC",system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;color:#1f2328}
a{color:#0958d9}code{background:#f3f4f6;padding:0 .3em}</style></head>
<body><h1>保险证券投诉管理系统</h1>
<p>Complaint management for insurance and securities. The web application arrives with a later release; the API is ready.</p>
<ul>
<li><a href="/api/docs">API 文档 / API documentation</a> (<a href="/api/openapi.json">openapi.json</a>)</li>
<li><a href="/api/complaints">投诉台账 / Ledger</a> (<code>GET /api/complaints</code>)</li>
<li><a href="/api/policy">制度配置 / Policy</a>, <a href="/api/calendar">工作日历 / Calendar</a></li>
<li><a href="/healthz">系统状态 / Health</a></li>
</ul></body></html>`;

/** GET /: a landing page until the web application is served here. */
export const homeRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', { config: { access: access.public }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(page),
  );
};
