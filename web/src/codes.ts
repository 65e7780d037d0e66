/**
 * The codes the server defines once (src/domain/codes.ts: statuses, levels, the choices of the
 * intake form and the workflow steps, policy units…), for the web app's options and labels. That
 * file is plain data, so this is the one place where the web app takes code from the server's tree.
 */
export * from '../../src/domain/codes';
