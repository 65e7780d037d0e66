/** Compensation (proposal, approval by amount band, payment) and improvement actions. */
import type { WorkflowHandler } from '../workflow-handler.js';

export const MEASURES_HANDLERS: WorkflowHandler[] = [];
