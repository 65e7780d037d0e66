/**
 * The supervision section of the policy (#14 item 1, R-E4): the rectification deadline in working
 * days and who is told before and after it passes. Added with #14: versions stored before it get
 * these defaults (policy.schema.ts uses `.default`). Pure.
 */
import { z } from 'zod';

/** Who a rectification notice goes to. */
export const RECTIFICATION_RECIPIENTS = ['addressee', 'department_supervisors', 'supervision', 'leadership'] as const;
export type RectificationRecipient = (typeof RECTIFICATION_RECIPIENTS)[number];

const recipients = z.array(z.enum(RECTIFICATION_RECIPIENTS)).min(1);

export const supervisionPolicySchema = z.strictObject({
  rectification: z.strictObject({
    /** working days from the request (and from a rejected answer) to the deadline */
    workingDays: z.number().int().min(1).max(120),
    /** told at each warning point (the policy's warningFractions) */
    warnNotify: recipients,
    /** step 0 at the breach, later steps after more time */
    steps: z
      .array(
        z.strictObject({
          afterMinutes: z
            .number()
            .int()
            .min(0)
            .max(60 * 24 * 60),
          notify: recipients,
        }),
      )
      .min(1)
      .refine((steps) => steps.every((s, i) => i === 0 || s.afterMinutes > (steps[i - 1]?.afterMinutes ?? -1)), {
        message: 'steps must be in increasing time',
      }),
  }),
});
export type SupervisionPolicy = z.infer<typeof supervisionPolicySchema>;

export const DEFAULT_SUPERVISION: SupervisionPolicy = {
  rectification: {
    workingDays: 10,
    warnNotify: ['addressee', 'department_supervisors'],
    steps: [
      { afterMinutes: 0, notify: ['addressee', 'department_supervisors'] },
      { afterMinutes: 1440, notify: ['supervision'] },
      { afterMinutes: 4320, notify: ['leadership'] },
    ],
  },
};
