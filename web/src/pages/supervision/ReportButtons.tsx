import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { apiDownload } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { errorText } from './shared';

function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The inspection report of a plan as PDF or xlsx. */
export function ReportButtons({ planId }: { planId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const download = async (format: 'pdf' | 'xlsx') => {
    try {
      const { blob, fileName } = await apiDownload('/api/inspections/plans/{id}/report/{format}', {}, { id: planId, format });
      saveFile(blob, fileName ?? `inspection.${format}`);
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Space>
      <Button icon={<DownloadOutlined />} onClick={() => void download('pdf')} data-testid="report-pdf">
        {t('sup.report.pdf')}
      </Button>
      <Button icon={<DownloadOutlined />} onClick={() => void download('xlsx')} data-testid="report-xlsx">
        {t('sup.report.xlsx')}
      </Button>
    </Space>
  );
}
