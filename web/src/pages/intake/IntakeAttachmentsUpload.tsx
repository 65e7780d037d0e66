import { CheckCircleOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { formatSize } from '../complaint/actions/FileField';
import { uploadMaterials, UploadProgress } from '../complaint/CorrespondenceFiles';

/**
 * After registration: the materials chosen on the intake form go up to the new complaint (POST
 * …/attachments) with a progress bar. A failed upload keeps the files and offers another try here;
 * the complaint page's 往来沟通 tab takes them later too. Registration never waits for the files.
 */
export function IntakeAttachmentsUpload({ complaintId, files }: { complaintId: string; files: File[] }) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<{ sent: number; total: number }>({ sent: 0, total: 1 });
  const upload = useMutation({
    mutationFn: () => uploadMaterials(complaintId, files, null, (sent, total) => setProgress({ sent, total })),
    onMutate: () => setProgress({ sent: 0, total: 1 }),
  });
  // once per registered complaint, as soon as it is registered
  const started = useRef<string | null>(null);
  const { mutate } = upload;
  useEffect(() => {
    if (started.current === complaintId) return;
    started.current = complaintId;
    mutate();
  }, [complaintId, mutate]);

  return (
    <Card size="small" title={t('intake.attachments.title')} data-testid="intake-upload" data-state={upload.status}>
      {upload.isPending && <UploadProgress sent={progress.sent} total={progress.total} testId="intake-upload-progress" />}
      {upload.isSuccess && (
        <Space direction="vertical" size={2}>
          <Typography.Text type="success" data-testid="intake-upload-done">
            <CheckCircleOutlined /> {t('intake.attachments.done', { count: upload.data.files.length })}
          </Typography.Text>
          {upload.data.files.map((f) => (
            <Typography.Text key={f.id} type="secondary">
              {f.name} ({formatSize(f.size)})
            </Typography.Text>
          ))}
        </Space>
      )}
      {upload.isError && (
        <Alert
          type="error"
          showIcon
          data-testid="intake-upload-error"
          message={t('intake.attachments.failed', { message: upload.error.message })}
          description={t('intake.attachments.later')}
          action={
            <Button size="small" onClick={() => mutate()} data-testid="intake-upload-retry">
              {t('intake.attachments.retry')}
            </Button>
          }
        />
      )}
    </Card>
  );
}
