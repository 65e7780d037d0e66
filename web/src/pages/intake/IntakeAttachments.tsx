import { Card, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { FilesField } from '../complaint/CorrespondenceFiles';

/**
 * The intake form's materials (#12 item 4, R-B4): a scanned letter handed in at the counter, photos,
 * a recording. Chosen with the limits stated beforehand; uploaded once the complaint is registered
 * (IntakeAttachmentsUpload), so a slow upload never holds the registration back.
 */
export function IntakeAttachments({ files, onChange, disabled }: { files: File[]; onChange: (files: File[]) => void; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('intake.section.attachments')} style={{ marginBottom: 16 }} data-testid="intake-attachments">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('intake.attachmentsHint')}
      </Typography.Paragraph>
      <FilesField value={files} onChange={onChange} disabled={disabled} testId="intake-files" />
    </Card>
  );
}
