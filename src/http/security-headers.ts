import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every answer: the app, the portal and the API documentation load
 * scripts from this origin only (no inline script, no eval; `script-src-attr 'none'` also refuses
 * inline event handlers). Styles allow 'unsafe-inline' because antd writes its CSS-in-JS into
 * <style> elements at run time and React sets style attributes; styles cannot run code.
 * No `upgrade-insecure-requests`: a plain-HTTP installation (the demo on 127.0.0.1) must keep working;
 * behind TLS the proxy decides.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** True for the answers of the API: they may carry personal data and must never be stored by a cache. */
function isApiPath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path === '/api' || path.startsWith('/api/') || path === '/healthz' || path === '/readyz';
}

/**
 * Security headers on every answer (helmet, with our CSP), and `Cache-Control: no-store` on every
 * API answer, errors included: a shared computer's browser cache or a proxy must not keep a
 * complaint, a ledger page or an export.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // the evidence and export downloads are same-origin; nothing is embedded cross-origin
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (isApiPath(request.url)) {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
    }
    return payload;
  });
}
