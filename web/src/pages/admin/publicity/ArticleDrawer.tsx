/** Write or edit a customer education article: language, title, summary, optional cover, rich text. */
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, Radio, Space, Spin } from 'antd';
import { useRef, useState } from 'react';
import { client, ok } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { applyServerErrors } from '../admin-api';
import { PUBLICITY_KEYS, uploadImage, useArticle, type Article } from './publicity-api';
import { RichTextEditor } from './RichTextEditor';

interface ArticleForm {
  language: 'zh-CN' | 'en';
  title: string;
  summary: string;
  bodyHtml: string;
  coverImageId: string | null;
}
const FIELDS = ['language', 'title', 'summary', 'bodyHtml', 'coverImageId'] as const;

/** target: an article id, or 'new'. */
export function ArticleDrawer({ target, onClose }: { target: string | 'new'; onClose: () => void }) {
  const { t } = useI18n();
  const existing = useArticle(target === 'new' ? null : target);
  const loaded = target === 'new' ? null : existing.data;
  return (
    <Drawer
      open
      width={920}
      title={t(target === 'new' ? 'publicity.articles.new' : 'publicity.articles.edit')}
      onClose={onClose}
      destroyOnHidden
    >
      {target !== 'new' && !loaded ? <Spin /> : <ArticleEditor key={loaded?.id ?? 'new'} article={loaded ?? null} onClose={onClose} />}
    </Drawer>
  );
}

function ArticleEditor({ article, onClose }: { article: Article | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<ArticleForm>();
  const [formError, setFormError] = useState<string | null>(null);
  const [cover, setCover] = useState<{ id: string; url: string } | null>(
    article?.coverImageId && article.coverImageUrl ? { id: article.coverImageId, url: article.coverImageUrl } : null,
  );
  const coverInput = useRef<HTMLInputElement>(null);

  const save = useMutation({
    mutationFn: (v: ArticleForm) => {
      const body = { ...v, summary: v.summary ?? '', coverImageId: cover?.id ?? null };
      return article
        ? ok(client.PUT('/api/publicity/articles/{id}', { params: { path: { id: article.id } }, body }))
        : ok(client.POST('/api/publicity/articles', { body }));
    },
    onSuccess: async (saved) => {
      queries.setQueryData(PUBLICITY_KEYS.article(saved.id), saved);
      await queries.invalidateQueries({ queryKey: PUBLICITY_KEYS.articles });
      void message.success(t('publicity.articles.saved'));
      onClose();
    },
    onError: (e) => setFormError(applyServerErrors(form, e, FIELDS)),
  });

  const uploadCover = async (file: File | undefined) => {
    if (!file) return;
    try {
      setCover(await uploadImage(file));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      if (coverInput.current) coverInput.current.value = '';
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        language: article?.language ?? 'zh-CN',
        title: article?.title ?? '',
        summary: article?.summary ?? '',
        bodyHtml: article?.bodyHtml ?? '',
      }}
      onFinish={(v) => save.mutate(v)}
      data-testid="article-form"
    >
      <Form.Item name="language" label={t('publicity.articles.language')}>
        <Radio.Group
          optionType="button"
          options={(['zh-CN', 'en'] as const).map((l) => ({ value: l, label: t(`publicity.articles.language.${l}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('publicity.articles.title')}
        rules={[{ required: true, whitespace: true, message: t('publicity.required') }]}
      >
        <Input maxLength={200} data-testid="article-title-input" />
      </Form.Item>
      <Form.Item name="summary" label={t('publicity.articles.summary')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="article-summary-input" />
      </Form.Item>
      <Form.Item label={t('publicity.articles.cover')}>
        <Space align="start">
          {cover && <img src={cover.url} alt="" style={{ height: 80, borderRadius: 6 }} data-testid="article-cover-preview" />}
          <Button icon={<UploadOutlined />} onClick={() => coverInput.current?.click()}>
            {t('publicity.articles.coverUpload')}
          </Button>
          {cover && (
            <Button icon={<DeleteOutlined />} onClick={() => setCover(null)}>
              {t('publicity.articles.coverRemove')}
            </Button>
          )}
        </Space>
        <input
          ref={coverInput}
          type="file"
          hidden
          accept="image/png,image/jpeg,image/gif,image/webp"
          data-testid="article-cover-input"
          onChange={(e) => void uploadCover(e.target.files?.[0])}
        />
      </Form.Item>
      <Form.Item
        name="bodyHtml"
        label={<span id="article-body-label">{t('publicity.articles.body')}</span>}
        rules={[{ required: true, message: t('publicity.required') }]}
      >
        <RichTextEditor id="article-body" />
      </Form.Item>
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="article-save">
        {t(article ? 'publicity.articles.saveChanges' : 'publicity.articles.save')}
      </Button>
    </Form>
  );
}
