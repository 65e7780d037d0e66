import type { ActionSpec } from '../action-spec';
import { CORE_SPECS } from './core.specs';
import { EXIT_SPECS } from './exit.specs';
import { INVESTIGATION_SPECS } from './investigation.specs';
import { LEADERSHIP_SPECS } from './leadership.specs';
import { MEASURES_SPECS } from './measures.specs';
import { REVIEW_SPECS } from './review.specs';

/** The form of every action the server may offer (allowedActions), by action name. */
export const ACTION_SPECS: ReadonlyMap<string, ActionSpec> = new Map(
  [...CORE_SPECS, ...LEADERSHIP_SPECS, ...INVESTIGATION_SPECS, ...MEASURES_SPECS, ...EXIT_SPECS, ...REVIEW_SPECS].map((s) => [s.action, s]),
);
