import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { applyServerErrors } from './actions/server-errors';
import { FilesField, uploadLetter, uploadMaterials, UploadProgress } from './CorrespondenceFiles';

interface UploadValues {
  subject?: string;
  text?: string;
  note?: string;
  files?: File[];
}

/**
 * Two uploads from the complaint page, in any status: the complainant's materials (R-B4: a scanned
 * letter, photos, a recording; also the retry of an upload that failed after intake), and a letter
 * received (its text and scans, an inbound item of the thread). Both show the upload's progress; a
 * refused file is named, and the chosen files stay for another try.
 */
export function CorrespondenceUpload({
  kind,
  complaintId,
  onClose,
  onDone,
}: {
  kind: 'materials' | 'letter';
  complaintId: string;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UploadValues>();
  const [alert, setAlert] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const letter = kind === 'letter';

  const upload = useMutation({
    mutationFn: async (v: UploadValues): Promise<void> => {
      const files = v.files ?? [];
      const onProgress = (sent: number, total: number) => setProgress({ sent, total });
      if (letter) await uploadLetter(complaintId, { text: v.text ?? '', subject: v.subject?.trim() || null, files }, onProgress);
      else await uploadMaterials(complaintId, files, v.note?.trim() || null, onProgress);
    },
    onMutate: () => {
      setAlert(null);
      setProgress({ sent: 0, total: 1 });
    },
    onSettled: () => setProgress(null),
    onSuccess: async () => {
      void message.success(
        letter ? t('corr.letterSaved') : t('corr.uploadDone', { count: (form.getFieldValue('files') as File[]).length }),
      );
      onClose();
      await onDone();
    },
    onError: (err) => {
      if (err instanceof ApiError) {
        const leftover = applyServerErrors(form, err);
        setAlert(leftover.length > 0 || err.fields.length === 0 ? t('corr.uploadFailed', { message: err.message }) : null);
      } else setAlert(t('corr.uploadFailed', { message: err.message }));
    },
  });

  return (
    <Drawer
      open
      title={letter ? t('corr.letterTitle') : t('corr.addMaterials')}
      width={560}
      onClose={onClose}
      destroyOnHidden
      data-testid={`${kind}-drawer`}
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('complaint.cancel')}</Button>
          <Button type="primary" loading={upload.isPending} onClick={() => form.submit()} data-testid={`${kind}-save`}>
            {t('corr.save')}
          </Button>
        </Space>
      }
    >
      {progress && (
        <div style={{ marginBottom: 16 }}>
          <UploadProgress sent={progress.sent} total={progress.total} testId={`${kind}-progress`} />
        </div>
      )}
      {alert && <Alert type="error" showIcon message={alert} style={{ marginBottom: 16 }} data-testid={`${kind}-error`} />}
      <Form<UploadValues>
        form={form}
        layout="vertical"
        initialValues={{ files: [] }}
        onFinish={(v) => upload.mutate(v)}
        onValuesChange={(changed: UploadValues) =>
          form.setFields((Object.keys(changed) as Array<keyof UploadValues>).map((name) => ({ name, errors: [] })))
        }
        disabled={upload.isPending}
      >
        {letter && (
          <>
            <Form.Item name="subject" label={t('corr.letterSubject')}>
              <Input maxLength={200} data-testid="letter-subject" />
            </Form.Item>
            <Form.Item
              name="text"
              label={t('corr.letterText')}
              extra={t('corr.letterTextHint')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea rows={6} maxLength={20_000} data-testid="letter-text" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="files"
          label={letter ? t('corr.letterScans') : t('corr.materials')}
          rules={[{ required: true, type: 'array', min: 1, message: t('files.none') }]}
        >
          <FilesField testId={`${kind}-files`} disabled={upload.isPending} />
        </Form.Item>
        {!letter && (
          <Form.Item name="note" label={t('corr.note')}>
            <Input maxLength={2000} placeholder={t('corr.noteHint')} data-testid="materials-note" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
