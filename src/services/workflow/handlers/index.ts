import type { WorkflowAction } from '../../../domain/workflow/workflow.types.js';
import type { WorkflowHandler } from '../workflow-handler.js';
import { CONTACT_HANDLERS } from './contact.handlers.js';
import { CORE_HANDLERS } from './core.handlers.js';
import { LEADERSHIP_HANDLERS } from './leadership.handlers.js';
import { MEASURES_HANDLERS } from './measures.handlers.js';
import { PLAN_HANDLERS } from './plan.handlers.js';
import { REVIEW_HANDLERS } from '../review.service.js';

/** Every workflow action with a handler, each served as POST /api/complaints/{id}/{action}. */
export const WORKFLOW_HANDLERS: readonly WorkflowHandler[] = [
  ...CORE_HANDLERS,
  ...LEADERSHIP_HANDLERS,
  ...PLAN_HANDLERS,
  ...MEASURES_HANDLERS,
  ...CONTACT_HANDLERS,
  ...REVIEW_HANDLERS,
];

export function actionPath(action: WorkflowAction): string {
  return action.replaceAll('_', '-');
}
