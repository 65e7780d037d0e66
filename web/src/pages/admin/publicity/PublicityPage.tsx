/**
 * 系统管理 → 门户与宣传 (#15 item 3, R-G3; policy §7.3): the complaint channels the customer portal
 * shows, and the customer education articles. Administrators only (publicity.manage).
 */
import { ExportOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { client, ok } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n';
import { ArticleDrawer } from './ArticleDrawer';
import { ChannelsForm } from './ChannelsForm';
import { PUBLICITY_KEYS, useArticles, type ArticleSummary } from './publicity-api';

export function PublicityPage() {
  const { t } = useI18n();
  return (
    <>
      <Space style={{ float: 'right' }}>
        <Button icon={<ExportOutlined />} href="/portal" target="_blank" rel="noopener">
          {t('publicity.openPortal')}
        </Button>
      </Space>
      <Tabs
        items={[
          {
            key: 'channels',
            label: <span data-testid="publicity-tab-channels">{t('publicity.tab.channels')}</span>,
            children: <ChannelsForm />,
          },
          {
            key: 'articles',
            label: <span data-testid="publicity-tab-articles">{t('publicity.tab.articles')}</span>,
            children: <ArticlesTab />,
          },
        ]}
      />
    </>
  );
}

function ArticlesTab() {
  const { t, dateTime } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const articles = useArticles();
  const [editing, setEditing] = useState<string | 'new' | null>(null);

  const step = useMutation({
    mutationFn: async ({ id, action }: { id: string; action: 'publish' | 'unpublish' | 'delete' }): Promise<unknown> => {
      const params = { params: { path: { id } } };
      if (action === 'delete') return ok(client.DELETE('/api/publicity/articles/{id}', params));
      if (action === 'publish') return ok(client.POST('/api/publicity/articles/{id}/publish', params));
      return ok(client.POST('/api/publicity/articles/{id}/unpublish', params));
    },
    onSuccess: async (_, { action }) => {
      await queries.invalidateQueries({ queryKey: PUBLICITY_KEYS.articles });
      void message.success(
        t(
          action === 'delete'
            ? 'publicity.articles.deleted'
            : action === 'publish'
              ? 'publicity.articles.published'
              : 'publicity.articles.unpublished',
        ),
      );
    },
    onError: (e) => void message.error(e.message),
  });

  return (
    <>
      <Typography.Paragraph type="secondary">{t('publicity.articles.intro')}</Typography.Paragraph>
      <Button type="primary" onClick={() => setEditing('new')} style={{ marginBottom: 12 }} data-testid="article-new">
        {t('publicity.articles.new')}
      </Button>
      <Table<ArticleSummary>
        rowKey="id"
        size="middle"
        loading={articles.isLoading}
        dataSource={articles.data ?? []}
        pagination={false}
        locale={{ emptyText: t('publicity.articles.empty') }}
        onRow={(a) => ({ 'data-testid': `article-row-${a.title}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('publicity.articles.title'),
            dataIndex: 'title',
            render: (title: string, a) => <a onClick={() => setEditing(a.id)}>{title}</a>,
          },
          {
            title: t('publicity.articles.language'),
            dataIndex: 'language',
            width: 110,
            render: (l: ArticleSummary['language']) => t(`publicity.articles.language.${l}`),
          },
          {
            title: t('publicity.articles.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: ArticleSummary['status']) => (
              <Tag color={s === 'published' ? 'green' : 'default'} data-testid="article-status">
                {t(`publicity.articles.status.${s}`)}
              </Tag>
            ),
          },
          {
            title: t('publicity.articles.publishedAt'),
            dataIndex: 'publishedAt',
            width: 150,
            render: (at: string | null) => (at ? dateTime(at) : ''),
          },
          { title: t('publicity.articles.updated'), dataIndex: 'updatedAt', width: 150, render: (at: string) => dateTime(at) },
          {
            key: 'actions',
            width: 260,
            render: (_, a) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(a.id)}>
                  {t('publicity.articles.edit')}
                </Button>
                {a.status === 'draft' ? (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => step.mutate({ id: a.id, action: 'publish' })}
                    data-testid="article-publish"
                  >
                    {t('publicity.articles.publish')}
                  </Button>
                ) : (
                  <>
                    <Button size="small" onClick={() => step.mutate({ id: a.id, action: 'unpublish' })} data-testid="article-unpublish">
                      {t('publicity.articles.unpublish')}
                    </Button>
                    <Button size="small" type="link" href={`/portal/articles/${a.id}`} target="_blank" rel="noopener">
                      {t('publicity.articles.view')}
                    </Button>
                  </>
                )}
                <Popconfirm title={t('publicity.articles.deleteConfirm')} onConfirm={() => step.mutate({ id: a.id, action: 'delete' })}>
                  <Button size="small" danger>
                    {t('publicity.articles.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && <ArticleDrawer target={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
