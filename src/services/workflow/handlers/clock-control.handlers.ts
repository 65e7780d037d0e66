/**
 * Pausing and resuming the clocks (R-A2): time in mediation, external appraisal or waiting for
 * documents the customer must supply is not counted. A pause stops the running clocks that answer
 * the customer and the investigation (transitions.ts PAUSED_CLOCKS); their due times are unknown
 * while paused. Resuming computes them again with the time that remained (deadline.ts rules:
 * time units skip the paused time exactly, day units keep the remaining whole days).
 */
import { z } from 'zod';
import { PAUSE_REASONS } from '../../../domain/codes.js';
import { PAUSED_CLOCKS } from '../../../domain/workflow/transitions.js';
import { listClocks } from '../../../db/repositories/clock.repository.js';
import { pauseClocks, resumeClocks } from '../clock-effects.js';
import { handler } from '../workflow-handler.js';
import { envOf, refuse } from './extension.handlers.js';

const note = z.string().trim().max(5000).nullish();

export const pauseClocksHandler = handler({
  action: 'pause_clocks',
  body: z.strictObject({ reason: z.enum(PAUSE_REASONS), note }),
  apply: async (h, b) => {
    const clocks = await listClocks(h.trx, [h.complaint.id]);
    if (clocks.some((k) => k.status === 'paused')) refuse(h, 'pause_clocks', 'clocks_already_paused');
    const kinds: readonly string[] = PAUSED_CLOCKS;
    const targets = clocks.filter((k) => k.status === 'running' && kinds.includes(k.kind));
    if (targets.length === 0) refuse(h, 'pause_clocks', 'no_clock_to_pause');
    return {
      payload: { reason: b.reason, note: b.note ?? null },
      reason: b.reason,
      afterClocks: async () => {
        const paused = await pauseClocks(h.trx, targets, h.now, b.reason, envOf(h), h.policyVersion);
        // every clock was already past its due time: a pause would change nothing
        if (paused.length === 0) refuse(h, 'pause_clocks', 'no_clock_to_pause');
        return { paused };
      },
    };
  },
});

export const resumeClocksHandler = handler({
  action: 'resume_clocks',
  body: z.strictObject({ note }),
  apply: async (h, b) => {
    const paused = (await listClocks(h.trx, [h.complaint.id])).filter((k) => k.status === 'paused');
    if (paused.length === 0) refuse(h, 'resume_clocks', 'clocks_not_paused');
    return {
      payload: { note: b.note ?? null },
      reason: b.note ?? null,
      afterClocks: async () => ({ resumed: await resumeClocks(h.trx, paused, h.now, envOf(h), h.policyVersion) }),
    };
  },
});

export const CLOCK_CONTROL_HANDLERS = [pauseClocksHandler, resumeClocksHandler];
