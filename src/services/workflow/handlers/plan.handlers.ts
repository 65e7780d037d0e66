/** Leadership meeting and plan, evidence, extensions, analysis, settlement, regulatory extension, pauses, transfer, merge, report to senior management. */
import type { WorkflowHandler } from '../workflow-handler.js';

export const PLAN_HANDLERS: WorkflowHandler[] = [];
