/**
 * The forms of a major complaint (#14 item 4): one modal that sends one request and places the
 * server's field errors on the form's fields, and the field sets of each step (mark or unmark with
 * a reason, the plan, an action or milestone, an item done, the report to the regulator).
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Radio, Select, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../../../api';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/dictionary';
import { useUsers } from '../complaint-queries';

export type FormValues = Record<string, unknown>;

/** A modal form: validates, sends, places field errors, closes and refreshes on success. */
export function MajorModal({
  title,
  open,
  onClose,
  send,
  onDone,
  children,
  fields,
  initialValues,
  testId,
}: {
  title: MessageKey;
  open: boolean;
  onClose: () => void;
  send: (v: FormValues) => Promise<unknown>;
  onDone: () => Promise<void>;
  children: (form: FormInstance<FormValues>) => ReactNode;
  /** the fields the server may name */
  fields: string[];
  initialValues?: FormValues;
  testId: string;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const placed = (e: unknown) => e instanceof ApiError && fields.some((f) => e.fieldMessage(f));
  const m = useMutation({
    mutationFn: send,
    onSuccess: async () => {
      onClose();
      form.resetFields();
      await onDone();
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      form.setFields(fields.flatMap((name) => (e.fieldMessage(name) ? [{ name, errors: [e.fieldMessage(name) ?? ''] }] : [])));
    },
  });
  return (
    <Modal
      open={open}
      title={t(title)}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => m.mutate(v))}
      okButtonProps={{ 'data-testid': `${testId}-ok` } as Record<string, string>}
      confirmLoading={m.isPending}
      destroyOnHidden
    >
      {m.error && !placed(m.error) && <Alert type="error" showIcon message={m.error.message} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initialValues} data-testid={testId}>
        {children(form)}
      </Form>
    </Modal>
  );
}

function useRequired() {
  const { t } = useI18n();
  return [{ required: true, whitespace: true, message: t('common.required') }];
}

/** A colleague by username: picked from the directory, or typed. */
function PersonSelect({
  multiple,
  testId,
  value,
  onChange,
}: {
  multiple?: boolean;
  testId: string;
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
}) {
  const users = useUsers();
  const options = (users.data ?? []).map((u) => ({ value: u.username, label: `${u.displayName} (${u.username})` }));
  if (!multiple) {
    // free text with the directory as suggestions (a native list: nothing floats over the dialog's buttons)
    return (
      <>
        <Input
          list={`${testId}-people`}
          autoComplete="off"
          data-testid={testId}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange?.(e.target.value)}
        />
        <datalist id={`${testId}-people`}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </datalist>
      </>
    );
  }
  return (
    <Select
      mode="tags"
      showSearch
      options={options}
      optionFilterProp="label"
      data-testid={testId}
      value={Array.isArray(value) ? value : []}
      onChange={(v: string[]) => onChange?.(v)}
    />
  );
}

export function ReasonFields({ label }: { label: MessageKey }) {
  const { t } = useI18n();
  return (
    <Form.Item name="reason" label={t(label)} rules={useRequired()}>
      <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} data-testid="major-reason" />
    </Form.Item>
  );
}

export function PlanFields() {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <>
      <Form.Item name="summary" label={t('major.plan.summary')} rules={required}>
        <Input.TextArea autoSize={{ minRows: 4 }} maxLength={10000} data-testid="major-plan-summary" />
      </Form.Item>
      <Form.Item name="owners" label={t('major.plan.owners')} rules={[{ required: true, message: t('common.required') }]}>
        <PersonSelect multiple testId="major-plan-owners" />
      </Form.Item>
    </>
  );
}

export function ItemFields({ form }: { form: FormInstance<FormValues> }) {
  const { t } = useI18n();
  const required = useRequired();
  const kind = Form.useWatch('kind', form);
  return (
    <>
      <Form.Item name="kind" label={t('major.item.kind')}>
        <Radio.Group
          optionType="button"
          options={(['milestone', 'action'] as const).map((k) => ({ value: k, label: t(`major.item.kind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('major.item.title')} rules={required}>
        <Input maxLength={500} data-testid="major-item-title" />
      </Form.Item>
      <Form.Item name="owner" label={t('major.item.owner')} rules={[{ required: true, message: t('common.required') }]}>
        <PersonSelect testId="major-item-owner" />
      </Form.Item>
      <Form.Item
        name="dueAt"
        label={t('major.item.dueAt')}
        rules={kind === 'milestone' ? [{ required: true, message: t('common.required') }] : []}
      >
        <Input type="datetime-local" style={{ maxWidth: 240 }} data-testid="major-item-due" />
      </Form.Item>
    </>
  );
}

export function NoteFields() {
  const { t } = useI18n();
  return (
    <Form.Item name="note" label={t('major.item.note')} rules={useRequired()}>
      <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} data-testid="major-item-note" />
    </Form.Item>
  );
}

export function ReportFields() {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <>
      <Form.Item name="reportedAt" label={t('major.report.reportedAt')}>
        <Input type="datetime-local" style={{ maxWidth: 240 }} data-testid="major-report-at" />
      </Form.Item>
      <Form.Item name="recipient" label={t('major.report.recipient')} rules={required}>
        <Input maxLength={200} data-testid="major-report-recipient" />
      </Form.Item>
      <Form.Item name="reference" label={t('major.report.reference')}>
        <Input maxLength={200} data-testid="major-report-reference" />
      </Form.Item>
      <Form.Item name="text" label={t('major.report.text')} rules={required}>
        <Input.TextArea autoSize={{ minRows: 4 }} maxLength={20000} data-testid="major-report-text" />
      </Form.Item>
    </>
  );
}

/** A datetime-local value as an ISO instant (the browser's time zone); empty: none. */
export function instantOf(v: unknown): string | null {
  if (typeof v !== 'string' || v.trim() === '') return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? v : new Date(ms).toISOString();
}

export const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');
