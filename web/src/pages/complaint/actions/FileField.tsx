import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { EvidenceFile } from './specs/investigation.specs';

const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain',
  mp3: 'audio/mpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function contentTypeOf(file: File): string {
  if (file.type) return file.type;
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return BY_EXTENSION[ext] ?? 'application/octet-stream';
}

/** The bytes of a file as base64 (without the data: prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One file for a form: chosen with the keyboard or the mouse, kept as {name, contentType, base64}; the server checks type and size. */
export function FileField({ id, value, onChange }: { id?: string; value?: EvidenceFile; onChange?: (v: EvidenceFile | undefined) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [size, setSize] = useState<number | null>(null);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setSize(file.size);
    onChange?.({ name: file.name, contentType: contentTypeOf(file), base64: await readBase64(file) });
  };
  return (
    <Space wrap>
      <input
        ref={input}
        id={id}
        type="file"
        data-testid="evidence-file"
        style={{ display: 'none' }}
        onChange={(e) => {
          void pick(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <Button icon={<PaperClipOutlined />} onClick={() => input.current?.click()}>
        {t('complaint.chooseFile')}
      </Button>
      {value && (
        <>
          <Typography.Text data-testid="chosen-file">
            {value.name}
            {size !== null && ` (${formatSize(size)})`}
          </Typography.Text>
          <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('complaint.removeFile')} onClick={() => onChange?.(undefined)} />
        </>
      )}
    </Space>
  );
}
