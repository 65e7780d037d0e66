import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Upload } from 'antd';
import { useEffect, useRef } from 'react';
import { ApiError } from '../../api';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

/**
 * Replaces a year from an iCalendar (.ics) file: the file picker, then the server's result or
 * refusal. `focus`: arrived from the "not confirmed" banner, so the picker is where the eye and the
 * keyboard are.
 */
export function IcsImport({ year, onImported, focus = false }: { year: number; onImported: () => void; focus?: boolean }) {
  const { t } = useI18n();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focus) return;
    button.current?.scrollIntoView({ block: 'center' });
    button.current?.focus();
  }, [focus, year]);
  const upload = useMutation({
    mutationFn: async (file: File) =>
      ok(
        client.POST('/api/calendar/{year}/import', {
          params: { path: { year } },
          // the file as it is, as text/calendar (not JSON)
          body: await file.text(),
          bodySerializer: (text) => text,
          headers: { 'content-type': 'text/calendar' },
        }),
      ),
    onSuccess: onImported,
  });
  const result = upload.data?.year === year ? upload.data : undefined;

  return (
    <div>
      <Upload
        accept=".ics,text/calendar"
        showUploadList={false}
        beforeUpload={(file) => {
          upload.mutate(file);
          return false; // we send the file ourselves, as text/calendar
        }}
      >
        <Button ref={button} icon={<UploadOutlined />} loading={upload.isPending} data-testid="ics-import">
          {t('admin.calendar.import', { year })}
        </Button>
      </Upload>
      {result && (
        <Alert
          type="success"
          showIcon
          closable
          style={{ marginTop: 12 }}
          data-testid="ics-result"
          message={t('admin.calendar.imported', { year: result.year, days: result.days, replanned: result.replanned })}
          description={
            result.warnings.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {result.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      {upload.error && (
        <Alert
          type="error"
          showIcon
          closable
          style={{ marginTop: 12 }}
          data-testid="ics-error"
          message={upload.error.message}
          description={upload.error instanceof ApiError ? upload.error.fields.map((f) => f.message).join('; ') : undefined}
        />
      )}
    </div>
  );
}
