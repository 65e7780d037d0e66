/** Compensation (proposal, approval by amount band, payment) and improvement actions. */
import type { WorkflowHandler } from '../workflow-handler.js';
import { COMPENSATION_HANDLERS } from './compensation.handlers.js';
import { IMPROVEMENT_HANDLERS } from './improvement.handlers.js';

export const MEASURES_HANDLERS: WorkflowHandler[] = [...COMPENSATION_HANDLERS, ...IMPROVEMENT_HANDLERS];
