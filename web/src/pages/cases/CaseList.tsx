import { Card, Checkbox, Empty, Flex, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { useTaxonomy } from '../../taxonomy';
import { useCases, useLessonTags, type CaseQuery, type CaseStatus } from './cases-api';
import { CaseStatusTag } from './CaseStatusTag';

const STATUSES: readonly CaseStatus[] = ['published', 'in_review', 'draft', 'rejected', 'withdrawn'];

/** Published cases with filters (business line, category, cause, lesson tag) and a free-text search. */
export function CaseList() {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const { entries, label } = useTaxonomy();
  const [query, setQuery] = useState<CaseQuery>({});
  const [words, setWords] = useState('');
  const cases = useCases(query);
  const tags = useLessonTags();
  const set = (patch: Partial<CaseQuery>) => setQuery((q) => ({ ...q, ...patch, offset: 0 }));
  const options = (name: 'businessLines' | 'categories' | 'causes') =>
    entries(name).map((e) => ({ value: e.code, label: label(name, e.code) }));
  const mayPropose = can(me.data, 'case.propose');
  const mayReview = can(me.data, 'case.review');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <Input.Search
            data-testid="case-search"
            allowClear
            style={{ width: 280 }}
            placeholder={t('cases.search')}
            value={words}
            onChange={(e) => setWords(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
          <Select
            data-testid="case-filter-line"
            allowClear
            style={{ width: 160 }}
            placeholder={t('cases.filter.businessLine')}
            options={options('businessLines')}
            value={query.businessLine}
            onChange={(v?: string) => set({ businessLine: v })}
          />
          <Select
            data-testid="case-filter-category"
            allowClear
            style={{ width: 180 }}
            placeholder={t('cases.filter.category')}
            options={options('categories')}
            value={query.category}
            onChange={(v?: string) => set({ category: v })}
          />
          <Select
            data-testid="case-filter-cause"
            allowClear
            style={{ width: 180 }}
            placeholder={t('cases.filter.cause')}
            options={options('causes')}
            value={query.cause}
            onChange={(v?: string) => set({ cause: v })}
          />
          <Select
            data-testid="case-filter-tag"
            allowClear
            showSearch
            style={{ width: 180 }}
            placeholder={t('cases.filter.tag')}
            options={(tags.data ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` }))}
            value={query.tag}
            onChange={(v?: string) => set({ tag: v })}
          />
          {(mayReview || mayPropose) && (
            <Select
              data-testid="case-filter-status"
              style={{ width: 130 }}
              disabled={query.mine === 'true'}
              value={query.status ?? 'published'}
              options={STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
              onChange={(v: CaseStatus) => set({ status: v === 'published' ? undefined : v })}
            />
          )}
          {mayPropose && (
            <Checkbox
              data-testid="case-filter-mine"
              checked={query.mine === 'true'}
              onChange={(e) => set({ mine: e.target.checked ? 'true' : undefined })}
            >
              {t('cases.filter.mine')}
            </Checkbox>
          )}
        </Flex>
      </Card>
      <List
        data-testid="case-list"
        loading={cases.isPending}
        header={cases.data && <Typography.Text type="secondary">{t('cases.total', { n: cases.data.total })}</Typography.Text>}
        locale={{ emptyText: <Empty description={t('cases.empty')} /> }}
        dataSource={cases.data?.items ?? []}
        pagination={
          cases.data && cases.data.total > 50
            ? { pageSize: 50, total: cases.data.total, onChange: (page) => setQuery((q) => ({ ...q, offset: (page - 1) * 50 })) }
            : false
        }
        renderItem={(c) => (
          <List.Item data-testid="case-row" data-case-id={c.id}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Link to={`/cases/${c.id}`}>{c.title}</Link>
                  <CaseStatusTag status={c.status} />
                </Space>
              }
              description={
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Typography.Text type="secondary">{c.excerpt}</Typography.Text>
                  <Space wrap size={[4, 4]}>
                    <Tag>{label('businessLines', c.businessLine)}</Tag>
                    <Tag>{label('categories', c.category)}</Tag>
                    {c.causeCodes.map((x) => (
                      <Tag key={`c-${x}`} color="purple">
                        {label('causes', x)}
                      </Tag>
                    ))}
                    {c.lessonTags.map((x) => (
                      <Tag key={`t-${x}`} color="blue">
                        {x}
                      </Tag>
                    ))}
                    <Typography.Text type="secondary">{dateTime(c.publishedAt ?? c.updatedAt)}</Typography.Text>
                  </Space>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
