import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, apiUpload, postForm } from '../../../api';
import { useI18n } from '../../../i18n/i18n';
import type { ActionContext, ActionSpec, Field, FormValues } from './action-spec';
import { ActionField, type FieldLists } from './ActionField';
import { applyServerErrors, type Choice } from './server-errors';

/** The options a field offers, as the form labels them (a refused choice names these, not codes). */
function choicesOf(fields: readonly Field[], ctx: ActionContext, path: readonly (string | number)[]): Choice[] {
  const f = fields.find((x) => (typeof x.name === 'string' ? x.name : x.name.join('.')) === path.join('.'));
  if (f?.kind === 'enum') return f.values.map((v) => ({ value: v, label: ctx.i18n.label(f.prefix, v) }));
  if (f?.kind === 'select') return f.options(ctx);
  return [];
}

interface Props {
  spec: ActionSpec;
  ctx: ActionContext;
  lists: FieldLists;
  onClose: () => void;
  /** after a successful step: refresh the complaint, its history and records */
  onDone: () => Promise<void>;
}

/**
 * The form of one action in a drawer: Enter in a field or the button submits, Escape closes. A 4xx
 * puts the server's field errors on the matching fields and anything else in the alert.
 */
export function ActionDrawer({ spec, ctx, lists, onClose, onDone }: Props) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [alert, setAlert] = useState<{ message: string; details: string[] } | null>(null);
  /** percent of an upload sent (null: no upload under way) */
  const [progress, setProgress] = useState<number | null>(null);
  const title = label('action', spec.action);

  const submit = useMutation({
    mutationFn: (values: FormValues) => {
      const id = ctx.detail.id;
      if (spec.upload)
        return apiUpload('/api/complaints/{id}/add-evidence', { id }, spec.upload(values), (sent, total) =>
          setProgress(Math.floor((sent * 100) / Math.max(total, 1))),
        );
      return postForm(`/api/complaints/{id}/${spec.path}`, { id }, spec.body(values, ctx));
    },
    onMutate: () => {
      setAlert(null);
      setProgress(spec.upload ? 0 : null);
    },
    onSettled: () => setProgress(null),
    onSuccess: async () => {
      void message.success(t('complaint.actionDone', { action: title }));
      onClose();
      await onDone();
    },
    onError: (err) => {
      if (err instanceof ApiError) {
        const leftover = applyServerErrors(form, err, (path) => choicesOf(spec.fields, ctx, path));
        const placed = err.fields.length - leftover.length;
        // a 400 whose every message sits on its field needs no alert beyond a pointer
        setAlert({
          message: placed > 0 && err.status === 400 ? t('complaint.fixFields') : err.message,
          details: err.status === 400 || placed === 0 ? leftover : [],
        });
      } else setAlert({ message: err.message, details: [] });
    },
  });

  return (
    <Drawer
      open
      title={title}
      width={560}
      onClose={onClose}
      destroyOnHidden
      data-testid="action-drawer"
      rootClassName={`action-drawer action-${spec.action}`}
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('complaint.cancel')}</Button>
          <Button type="primary" danger={spec.danger} loading={submit.isPending} onClick={() => form.submit()} data-testid="action-submit">
            {t('complaint.submit')}
          </Button>
        </Space>
      }
    >
      {spec.intro && <Typography.Paragraph type="secondary">{t(spec.intro)}</Typography.Paragraph>}
      {progress !== null && (
        <div data-testid="upload-progress" role="status" style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{progress < 100 ? t('complaint.uploading') : t('complaint.uploadSaving')}</Typography.Text>
          <Progress percent={progress} status="active" />
        </div>
      )}
      {alert && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="action-error"
          message={alert.message}
          description={alert.details.length > 0 ? alert.details.map((d) => <div key={d}>{d}</div>) : undefined}
        />
      )}
      <Form
        form={form}
        name={`action-${spec.action}`}
        layout="vertical"
        initialValues={spec.initial?.(ctx)}
        onFinish={(values) => submit.mutate(values)}
        onValuesChange={(changed: FormValues) => {
          // a field the user edits drops its server error
          form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
        }}
        disabled={submit.isPending}
      >
        {spec.fields
          .filter((f) => f.when?.(ctx) ?? true)
          .map((f) => (
            <ActionField key={typeof f.name === 'string' ? f.name : f.name.join('.')} field={f} ctx={ctx} lists={lists} />
          ))}
        {/* Enter in a one-line field submits */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
