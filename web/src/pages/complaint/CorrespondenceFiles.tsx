/**
 * Several files for an upload (the intake form's materials, a letter's scans, materials added later):
 * chosen with the keyboard or the mouse, the limits stated before choosing (GET /api/evidence/settings
 * and the number per upload), a file over the size, empty, of a type not accepted or one too many
 * refused at once with its name. The server checks each file's content against its type again.
 * Also the upload itself, with its progress, and the list of stored files with their download links.
 */
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, List, Progress, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { apiUpload } from '../../api';
import { STAFF_UPLOAD_MAX_FILES } from '../../codes';
import { useI18n } from '../../i18n/i18n';
import { formatSize, useEvidenceSettings } from './actions/FileField';

/** Short names of the accepted types, and the extensions the file dialog offers for them. */
const TYPES: Readonly<Record<string, { name: string; ext: readonly string[] }>> = {
  'application/pdf': { name: 'PDF', ext: ['pdf'] },
  'image/jpeg': { name: 'JPEG', ext: ['jpg', 'jpeg'] },
  'image/png': { name: 'PNG', ext: ['png'] },
  'image/tiff': { name: 'TIFF', ext: ['tif', 'tiff'] },
  'audio/mpeg': { name: 'MP3', ext: ['mp3'] },
  'audio/wav': { name: 'WAV', ext: ['wav'] },
  'audio/mp4': { name: 'M4A', ext: ['m4a'] },
  'audio/amr': { name: 'AMR', ext: ['amr'] },
  'audio/ogg': { name: 'OGG', ext: ['ogg', 'opus'] },
  'application/msword': { name: 'DOC', ext: ['doc'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { name: 'DOCX', ext: ['docx'] },
  'application/vnd.ms-excel': { name: 'XLS', ext: ['xls'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { name: 'XLSX', ext: ['xlsx'] },
  'message/rfc822': { name: 'EML', ext: ['eml'] },
  'text/plain': { name: 'TXT', ext: ['txt'] },
};

const extensionOf = (name: string) => (name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '');

/** What the server accepts, as people read it and as the file dialog filters it. */
export function useUploadLimits() {
  const settings = useEvidenceSettings();
  const types = settings.data?.contentTypes ?? [];
  return {
    ready: settings.data !== undefined,
    maxBytes: settings.data?.maxBytes,
    maxFiles: STAFF_UPLOAD_MAX_FILES,
    typeNames: types.map((t) => TYPES[t]?.name ?? t).join('、'),
    accept: types.flatMap((t) => [t, ...(TYPES[t]?.ext ?? []).map((e) => `.${e}`)]).join(','),
    /** whether the file's declared type or its extension is one the server accepts */
    accepts: (f: File) => types.includes(f.type) || types.some((t) => TYPES[t]?.ext.includes(extensionOf(f.name))),
  };
}

/** The chosen files, with the limits above them and a remove button each. */
export function FilesField({
  id,
  value = [],
  onChange,
  disabled,
  testId = 'files-field',
}: {
  id?: string;
  value?: File[];
  onChange?: (files: File[]) => void;
  disabled?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const limits = useUploadLimits();
  const [problems, setProblems] = useState<string[]>([]);

  const add = (picked: File[]) => {
    const next = [...value];
    const refused: string[] = [];
    for (const f of picked) {
      if (f.size === 0) refused.push(t('complaint.fileEmpty', { name: f.name }));
      else if (limits.maxBytes !== undefined && f.size > limits.maxBytes)
        refused.push(t('complaint.fileTooLarge', { name: f.name, size: formatSize(f.size), max: formatSize(limits.maxBytes) }));
      else if (limits.ready && !limits.accepts(f)) refused.push(t('files.typeNotAllowed', { name: f.name, types: limits.typeNames }));
      else if (next.some((x) => x.name === f.name && x.size === f.size)) refused.push(t('files.duplicate', { name: f.name }));
      else if (next.length >= limits.maxFiles) refused.push(t('files.tooMany', { count: limits.maxFiles, name: f.name }));
      else next.push(f);
    }
    setProblems(refused);
    onChange?.(next);
  };

  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid={testId}>
      <input
        ref={input}
        id={id}
        type="file"
        multiple
        accept={limits.accept || undefined}
        data-testid={`${testId}-input`}
        style={{ display: 'none' }}
        onChange={(e) => {
          add(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
      <Button icon={<PaperClipOutlined />} onClick={() => input.current?.click()} disabled={disabled}>
        {t('files.choose')}
      </Button>
      {limits.maxBytes !== undefined && (
        <Typography.Text type="secondary" data-testid={`${testId}-limits`}>
          {t('files.limits', { count: limits.maxFiles, max: formatSize(limits.maxBytes), types: limits.typeNames })}
        </Typography.Text>
      )}
      {value.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={value}
          renderItem={(f) => (
            <List.Item
              key={`${f.name}-${f.size}`}
              actions={[
                <Button
                  key="remove"
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  disabled={disabled}
                  aria-label={t('files.remove', { name: f.name })}
                  onClick={() => onChange?.(value.filter((x) => x !== f))}
                />,
              ]}
            >
              <Typography.Text data-testid={`${testId}-chosen`}>
                {f.name} ({formatSize(f.size)})
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      {problems.map((p) => (
        <Typography.Text key={p} type="danger" role="alert" data-testid={`${testId}-problem`}>
          {p}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** Bytes sent of the whole form; 100 while the server stores them. */
export function UploadProgress({ sent, total, testId = 'upload-progress' }: { sent: number; total: number; testId?: string }) {
  const { t } = useI18n();
  const percent = total > 0 ? Math.min(100, Math.round((sent / total) * 100)) : 0;
  return (
    <div role="status" data-testid={testId} data-percent={percent}>
      <Typography.Text type="secondary">
        {percent < 100 ? t('files.uploading', { done: formatSize(sent), total: formatSize(total) }) : t('files.saving')}
      </Typography.Text>
      <Progress percent={percent} status="active" />
    </div>
  );
}

export type Progressed = (sent: number, total: number) => void;

/** POST …/attachments: the complainant's materials, in any status (R-B4). */
export function uploadMaterials(complaintId: string, files: readonly File[], note: string | null, onProgress: Progressed) {
  const form = new FormData();
  if (note) form.append('note', note);
  for (const f of files) form.append('files', f, f.name);
  return apiUpload('/api/complaints/{id}/attachments', { id: complaintId }, form, onProgress);
}

/** POST …/correspondence/letter: a letter received with its scans. */
export function uploadLetter(
  complaintId: string,
  letter: { text: string; subject?: string | null; files: readonly File[] },
  onProgress: Progressed,
) {
  const form = new FormData();
  form.append('text', letter.text);
  if (letter.subject) form.append('subject', letter.subject);
  for (const f of letter.files) form.append('files', f, f.name);
  return apiUpload('/api/complaints/{id}/correspondence/letter', { id: complaintId }, form, onProgress);
}

export interface StoredFile {
  id: string;
  name: string;
  size: number;
}

/** Stored files of a complaint, each downloadable through the evidence route (the read is audited). */
export function StoredFiles({ complaintId, files }: { complaintId: string; files: readonly StoredFile[] }) {
  const { t } = useI18n();
  if (files.length === 0) return null;
  return (
    <Space wrap size={[12, 4]}>
      {files.map((f) => (
        <a
          key={f.id}
          href={`/api/complaints/${encodeURIComponent(complaintId)}/evidence/${f.id}`}
          download
          data-testid="stored-file"
          aria-label={`${t('complaint.download')} ${f.name}`}
        >
          <DownloadOutlined /> {f.name} ({formatSize(f.size)})
        </a>
      ))}
    </Space>
  );
}
