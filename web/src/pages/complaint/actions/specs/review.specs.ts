/** The formal review's conclusion (#14 item 3): offered only to the complaint's reviewer. */
import { OUTCOMES } from '../../../../codes';
import { compact, mustText, text, type ActionSpec } from '../action-spec';

export const concludeReview: ActionSpec = {
  action: 'conclude_review',
  path: 'conclude-review',
  intro: 'complaint.intro.concludeReview',
  fields: [
    {
      kind: 'enum',
      name: 'outcome',
      label: 'complaint.f.outcome',
      values: OUTCOMES,
      prefix: 'complaint.outcome',
      radio: true,
      required: true,
    },
    {
      kind: 'textarea',
      name: 'conclusion',
      label: 'complaint.f.reviewConclusion',
      help: 'complaint.help.reviewConclusion',
      required: true,
    },
    {
      kind: 'textarea',
      name: 'unpaidCompensationWaiver',
      label: 'complaint.f.unpaidCompensationWaiver',
      help: 'complaint.help.unpaidCompensationWaiver',
    },
  ],
  body: (v) =>
    compact({ outcome: text(v.outcome), conclusion: mustText(v.conclusion), unpaidCompensationWaiver: text(v.unpaidCompensationWaiver) }),
};

export const REVIEW_SPECS = [concludeReview];
