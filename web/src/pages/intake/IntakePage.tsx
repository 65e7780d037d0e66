import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Row, Segmented, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, postForm } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { useTaxonomy } from '../../taxonomy';
import { bare, labelChoices } from '../complaint/actions/server-errors';
import { AssessmentPanel, HistoryPanel } from './AssessmentPanel';
import { CallDraftBanner, draftValues, HOTLINE_CALLS_KEY, useCallDraft } from './CallDraft';
import { formField, INTAKE_MODES, intakeBody, previewable, type IntakeMode, type IntakeValues } from './intake-body';
import type { RegisteredComplaint } from './intake-types';
import { ComplainantFields, MatterFields, SourceFields } from './IntakeFields';
import { IntakeResult } from './IntakeResult';
import { IntakeAttachments } from './IntakeAttachments';
import { IntakeAttachmentsUpload } from './IntakeAttachmentsUpload';

const PREVIEW_DELAY_MS = 500;
const INITIAL: IntakeValues = { urgent: false, riskFlags: [], jointComplainants: 1 };

/** Waits until the value has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * New complaint (R-B1..B7, R-C1): one form in three entry modes (hotline, branch counter, letter),
 * fast from the keyboard (Tab through, Ctrl+Enter saves). As the agent types, the phone finds the
 * customer's earlier complaints and the server's preview shows the proposed level with its rules,
 * duplicates and clocks. Saving is idempotent (one key per form), so a double submit registers once.
 */
export function IntakePage() {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const { message } = App.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const [mode, setMode] = useState<IntakeMode>('hotline');
  const [values, setValues] = useState<IntakeValues>(INITIAL);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [saved, setSaved] = useState<RegisteredComplaint | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  // the complainant's materials, uploaded once the complaint is registered (#12 item 4)
  const [files, setFiles] = useState<File[]>([]);
  // a hotline call's draft (?call=<id>, from the workbench's incoming calls): prefilled once, registered through the call
  const [params, setParams] = useSearchParams();
  const callId = params.get('call');
  const draft = useCallDraft(callId);
  const prefilled = useRef<string | null>(null);
  const queries = useQueryClient();
  useEffect(() => {
    if (!draft.data || prefilled.current === draft.data.id) return;
    prefilled.current = draft.data.id;
    setMode('hotline');
    form.setFieldsValue(draftValues(draft.data));
    setValues(form.getFieldsValue(true) as IntakeValues);
  }, [draft.data, form]);

  const body = useMemo(() => intakeBody(mode, values), [mode, values]);
  const settled = useDebounced(previewable(values) ? JSON.stringify(body) : null, PREVIEW_DELAY_MS);
  const preview = useQuery({
    queryKey: ['intake-preview', settled],
    queryFn: () => postForm('/api/complaints/preview', {}, JSON.parse(settled ?? '{}')),
    enabled: settled !== null,
    placeholderData: (previous) => previous,
    retry: false,
  });

  const register = useMutation({
    mutationFn: (b: Record<string, unknown>) =>
      callId
        ? postForm('/api/hotline/calls/{id}/register', { id: callId }, b)
        : postForm('/api/complaints', {}, b, { 'idempotency-key': idempotencyKey }),
    onSuccess: (complaint) => {
      setSaved(complaint);
      if (callId) void queries.invalidateQueries({ queryKey: HOTLINE_CALLS_KEY });
      void message.success(t('intake.saved', { number: complaint.number }));
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return setFormError(e.message);
      const shown = new Set(Object.keys(form.getFieldsValue(true)));
      // on its field the message goes without the field's name, a refused code list as the labels the form offers
      const placed = e.fields
        .map((f) => {
          const name = formField(f.field, shown);
          const list =
            name === 'channel' ? 'channels' : name === 'businessLine' ? 'businessLines' : name === 'category' ? 'categories' : null;
          const choices = list ? taxonomy.entries(list).map((x) => ({ value: x.code, label: taxonomy.label(list, x.code) })) : [];
          return { name, message: labelChoices(bare(f.field, f.message), choices) };
        })
        .filter((f): f is { name: string; message: string } => f.name !== null);
      form.setFields(placed.map((f) => ({ name: f.name as keyof IntakeValues, errors: [f.message] })));
      const unplaced = e.fields.filter((f) => formField(f.field, shown) === null);
      setFormError(placed.length > 0 && unplaced.length === 0 ? null : [e.message, ...unplaced.map((f) => f.message)].join('；'));
    },
  });

  const submit = async () => {
    setFormError(null);
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const all = form.getFieldsValue(true) as IntakeValues;
    if (!all.phone?.trim() && !all.email?.trim() && !all.address?.trim()) {
      form.setFields([{ name: 'phone', errors: [t('intake.contactRequired')] }]);
      return;
    }
    register.mutate(intakeBody(mode, all));
  };

  const startOver = () => {
    form.resetFields();
    setValues(INITIAL);
    setSaved(null);
    setFormError(null);
    setFiles([]);
    setIdempotencyKey(crypto.randomUUID());
    if (callId) setParams({});
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  if (saved)
    return (
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {files.length > 0 && <IntakeAttachmentsUpload complaintId={saved.id} files={files} />}
        <IntakeResult complaint={saved} onAnother={startOver} />
      </Space>
    );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('intake.title')}
        </Typography.Title>
        <Segmented<IntakeMode>
          value={mode}
          disabled={callId !== null}
          onChange={(m) => {
            setMode(m);
            // straight on from the keyboard: the mode's first field (the phone on the hotline)
            setTimeout(() => form.getFieldInstance(m === 'hotline' ? 'phone' : 'name')?.focus(), 0);
          }}
          options={INTAKE_MODES.map((m) => ({ value: m, label: t(`intake.mode.${m}`) }))}
          data-testid="intake-mode"
        />
      </Space>
      {callId && <CallDraftBanner draft={draft.data} error={draft.error} onDetach={() => setParams({})} />}
      <Row gutter={16}>
        {/* from 992 px the assessment stays beside the form (sticky), never below it out of sight */}
        <Col xs={24} lg={14} xl={15}>
          <Form<IntakeValues>
            form={form}
            layout="vertical"
            initialValues={INITIAL}
            onValuesChange={(_changed, all) => setValues(all)}
            onKeyDown={onKeyDown}
            scrollToFirstError
            data-testid="intake-form"
          >
            <Card size="small" title={t('intake.section.complainant')} style={{ marginBottom: 16 }}>
              <ComplainantFields mode={mode} />
            </Card>
            <Card size="small" title={t('intake.section.complaint')} style={{ marginBottom: 16 }}>
              <MatterFields />
            </Card>
            <Card size="small" title={`${t('intake.section.source')} · ${t(`intake.mode.${mode}`)}`} style={{ marginBottom: 16 }}>
              <SourceFields mode={mode} />
            </Card>
            <IntakeAttachments files={files} onChange={setFiles} disabled={register.isPending} />
            {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} data-testid="intake-error" />}
            <Space>
              <Button type="primary" onClick={() => void submit()} loading={register.isPending} data-testid="intake-submit">
                {t('intake.submit')}
              </Button>
              <Button onClick={startOver}>{t('intake.reset')}</Button>
            </Space>
          </Form>
        </Col>
        <Col xs={24} lg={10} xl={9}>
          <Space direction="vertical" size={16} style={{ width: '100%', position: 'sticky', top: 16 }}>
            <AssessmentPanel preview={settled === null ? undefined : preview.data} loading={preview.isFetching} error={preview.error} />
            <HistoryPanel phone={values.phone ?? ''} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
