/** Investigation: evidence (with a file), extensions of the investigation, root-cause analysis. */
import { EVIDENCE_METHODS, IMPACT_LEVELS } from '../../../../codes';
import { bool, compact, mustText, num, recordsOf, str, text, texts, type ActionSpec } from '../action-spec';

export const addEvidence: ActionSpec = {
  action: 'add_evidence',
  path: 'add-evidence',
  fields: [
    {
      kind: 'enum',
      name: 'method',
      label: 'complaint.f.evidenceMethod',
      values: EVIDENCE_METHODS,
      prefix: 'complaint.evidenceMethod',
      required: true,
    },
    { kind: 'textarea', name: 'note', label: 'complaint.f.evidenceNote', required: true },
    { kind: 'file', name: 'file', label: 'complaint.f.file', help: 'complaint.help.file' },
  ],
  initial: () => ({ method: 'document_review' }),
  body: (v) => compact({ method: text(v.method), note: mustText(v.note) }),
  // multipart/form-data: the file is streamed, not base64 in JSON (#9 item 8)
  upload: (v) => {
    const form = new FormData();
    form.append('method', text(v.method) ?? '');
    form.append('note', mustText(v.note));
    if (v.file instanceof File) form.append('file', v.file, v.file.name);
    return form;
  },
};

export const requestExtension: ActionSpec = {
  action: 'request_extension',
  path: 'request-extension',
  fields: [
    { kind: 'number', name: 'days', label: 'complaint.f.extensionDays', min: 1, max: 20, required: true },
    { kind: 'textarea', name: 'reason', label: 'complaint.f.reason', required: true },
  ],
  body: (v) => compact({ days: num(v.days), reason: mustText(v.reason) }),
};

export const decideExtension: ActionSpec = {
  action: 'decide_extension',
  path: 'decide-extension',
  fields: [
    {
      kind: 'select',
      name: 'requestId',
      label: 'complaint.f.extensionRequest',
      required: true,
      options: (ctx) =>
        recordsOf(ctx, 'extension_request', 'pending').map((r) => ({
          value: r.id,
          label: `${ctx.i18n.t('complaint.extensionDays', { n: str(r.data.days) })} · ${str(r.data.reason)} · ${r.createdBy}`,
        })),
    },
    { kind: 'yesNo', name: 'approved', label: 'complaint.f.decision', yes: 'complaint.approve', no: 'complaint.reject', required: true },
    { kind: 'textarea', name: 'note', label: 'complaint.f.note' },
  ],
  initial: (ctx) => {
    const [first] = recordsOf(ctx, 'extension_request', 'pending');
    return first ? { requestId: first.id } : {};
  },
  body: (v) => compact({ requestId: text(v.requestId), approved: bool(v.approved), note: text(v.note) }),
};

export const recordAnalysis: ActionSpec = {
  action: 'record_analysis',
  path: 'record-analysis',
  fields: [
    { kind: 'causes', name: 'causes', label: 'complaint.f.causes', required: true },
    {
      kind: 'enum',
      name: ['impact', 'business'],
      label: 'complaint.f.impactBusiness',
      values: IMPACT_LEVELS,
      prefix: 'complaint.impact',
      radio: true,
      required: true,
    },
    {
      kind: 'enum',
      name: ['impact', 'reputation'],
      label: 'complaint.f.impactReputation',
      values: IMPACT_LEVELS,
      prefix: 'complaint.impact',
      radio: true,
      required: true,
    },
    {
      kind: 'enum',
      name: ['impact', 'financial'],
      label: 'complaint.f.impactFinancial',
      values: IMPACT_LEVELS,
      prefix: 'complaint.impact',
      radio: true,
      required: true,
    },
    { kind: 'textarea', name: ['impact', 'note'], label: 'complaint.f.impactNote' },
    { kind: 'textarea', name: 'strategy', label: 'complaint.f.strategy', required: true },
  ],
  body: (v) => {
    const impact = typeof v.impact === 'object' && v.impact !== null ? (v.impact as Record<string, unknown>) : {};
    return compact({
      causes: texts(v.causes),
      impact: compact({
        business: text(impact.business),
        reputation: text(impact.reputation),
        financial: text(impact.financial),
        note: text(impact.note),
      }),
      strategy: mustText(v.strategy),
    });
  },
};

export const INVESTIGATION_SPECS = [addEvidence, requestExtension, decideExtension, recordAnalysis];
