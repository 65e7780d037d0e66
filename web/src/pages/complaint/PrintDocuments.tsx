import { DownOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { apiDownload } from '../../api';
import { useI18n } from '../../i18n/i18n';

type Kind = 'acceptance-receipt' | 'reply-letter';

const TEXT = {
  'zh-CN': {
    print: '打印',
    'acceptance-receipt': '受理回执',
    'reply-letter': '书面答复函',
    noFeedback: '反馈处理结果后可打印',
    preparing: '正在生成 PDF…',
  },
  'en-US': {
    print: 'Print',
    'acceptance-receipt': 'Acceptance receipt',
    'reply-letter': 'Reply letter',
    noFeedback: 'available once feedback is given',
    preparing: 'Preparing the PDF…',
  },
} as const;

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

/**
 * "打印" on the complaint page (#11 item 9): the acceptance receipt and, once feedback was given,
 * the written reply letter, downloaded as PDF (the server records each print in the audit log).
 */
export function PrintDocuments({ complaintId, number, hasFeedback }: { complaintId: string; number: string; hasFeedback: boolean }) {
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const text = TEXT[locale];

  const download = async (kind: Kind) => {
    setBusy(true);
    const hide = message.loading(text.preparing, 0);
    try {
      const { blob, fileName } = await apiDownload('/api/complaints/{id}/documents/{kind}', {}, { id: complaintId, kind });
      saveFile(blob, fileName ?? `${kind}-${number}.pdf`);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      hide();
      setBusy(false);
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'acceptance-receipt', label: <span data-testid="print-acceptance-receipt">{text['acceptance-receipt']}</span> },
          {
            key: 'reply-letter',
            disabled: !hasFeedback,
            label: (
              <span data-testid="print-reply-letter" title={hasFeedback ? undefined : text.noFeedback}>
                {text['reply-letter']}
              </span>
            ),
          },
        ],
        onClick: ({ key }) => void download(key as Kind),
      }}
    >
      <Button icon={<PrinterOutlined />} loading={busy} data-testid="print-documents">
        {text.print} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
