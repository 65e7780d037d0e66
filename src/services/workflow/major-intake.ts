/**
 * The intake's part of major complaints (#14 item 4): the facts the form now takes (a disaster /
 * accident / public-health cause, named by the regulator with its reference) as columns, and the
 * marking when the grading rules found the complaint major (major-marking.ts).
 */
import type { IntakeInput } from '../../domain/complaint/intake.js';
import type { GradingProposal } from '../../domain/grading/grading.js';
import { majorRulesOf } from '../../domain/major/major.js';
import type { Database } from '../../db/database.js';
import { startMajor, type MajorEnvironment } from './major-marking.js';
import type { NotifyTarget } from './notify.service.js';

/** The intake's major-complaint facts as complaint columns (the marking itself is written by startMajor). */
export function majorIntakeColumns(input: IntakeInput) {
  return {
    major_cause: input.majorCause ?? null,
    regulator_named: input.regulatorNamed === true,
    regulator_named_reference: input.regulatorNamed === true ? (input.regulatorReference ?? null) : null,
  };
}

/** A complaint the rules found major: marked with the rules that fired, its clock started, leaders told. */
export async function markMajorAtIntake(
  trx: Database,
  target: NotifyTarget,
  input: IntakeInput,
  grading: GradingProposal,
  env: MajorEnvironment,
): Promise<string[]> {
  return startMajor(
    trx,
    target,
    {
      source: 'rules',
      rules: majorRulesOf(grading),
      reason: null,
      by: 'system',
      round: 1,
      facts: {
        majorCause: input.majorCause ?? null,
        regulatorReference: input.regulatorNamed === true ? (input.regulatorReference ?? null) : null,
        jointComplainants: input.jointComplainants,
      },
    },
    env,
  );
}
