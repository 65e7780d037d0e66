import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Typography, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../../session';
import { useDepartments, usePolicyLists, useUsers } from '../complaint-queries';
import type { EventView, FullDetail, RecordsAnswer } from '../complaint-types';
import type { ActionContext, Option } from './action-spec';
import { ActionDrawer } from './ActionDrawer';
import type { FieldLists } from './ActionField';
import { actionLayout } from './next-steps';
import { ACTION_SPECS } from './specs';

interface Props {
  detail: FullDetail;
  records: RecordsAnswer | undefined;
  events: EventView[] | undefined;
  onUnmask: () => void;
  onDone: () => Promise<void>;
}

/** Usernames seen on this complaint, for those who may not list users: suggestions, free text still allowed. */
function knownPeople(
  detail: FullDetail,
  records: RecordsAnswer | undefined,
  events: EventView[] | undefined,
  me: string | undefined,
): Option[] {
  const names = new Set<string>();
  for (const n of [me, detail.assignee, detail.tracker, detail.createdBy]) if (n) names.add(n);
  for (const e of events ?? []) if (e.actor && e.actor !== 'system') names.add(e.actor);
  for (const m of records?.milestones ?? []) names.add(m.owner);
  return [...names].sort().map((n) => ({ value: n, label: n }));
}

/** Exactly the actions the server allows now, each opening its form. */
export function ActionBar({ detail, records, events, onUnmask, onDone }: Props) {
  const i18n = useI18n();
  const { t, label, locale } = i18n;
  const me = useMe();
  const users = useUsers();
  const departments = useDepartments();
  const policy = usePolicyLists();
  const [open, setOpen] = useState<string | null>(null);

  const ctx = useMemo<ActionContext>(() => {
    const causes = (policy.data?.policy.taxonomies.causes ?? [])
      .filter((c) => c.active)
      .map((c) => ({ value: c.code, label: locale === 'zh-CN' ? c.zh : c.en }));
    const reg = policy.data?.policy.regulatory;
    return {
      detail,
      records: records?.records ?? [],
      milestones: records?.milestones ?? [],
      related: detail.related,
      causes,
      regulatoryDays: reg ? [reg.extendedDays, reg.maxDays] : [30, 60],
      i18n,
      permissions: me.data?.user.permissions ?? [],
    };
  }, [detail, records, policy.data, locale, i18n, me.data]);

  const lists = useMemo<FieldLists>(
    () => ({
      people: users.data
        ? users.data.map((u) => ({ value: u.username, label: `${u.displayName} (${u.username})` }))
        : knownPeople(detail, records, events, me.data?.user.username),
      departments: (departments.data ?? [])
        .filter((d) => d.active)
        .map((d) => ({ value: d.id, label: locale === 'zh-CN' ? d.nameZh : d.nameEn })),
    }),
    [users.data, departments.data, detail, records, events, me.data, locale],
  );

  const spec = open ? ACTION_SPECS.get(open) : undefined;
  const start = (a: string) => (a === 'unmask' ? onUnmask() : setOpen(a));
  const layout = actionLayout(detail, detail.allowedActions);
  const button = (a: string, primary: boolean) => (
    <Button
      key={a}
      data-action={a}
      type={primary ? 'primary' : 'default'}
      danger={ACTION_SPECS.get(a)?.danger}
      disabled={a !== 'unmask' && !ACTION_SPECS.has(a)}
      onClick={() => start(a)}
    >
      {label('action', a)}
    </Button>
  );
  const more: MenuProps['items'] = layout.groups.map((g) => ({
    type: 'group',
    key: g.group,
    label: t(`actions.group.${g.group}`),
    children: g.actions.map((a) => ({
      key: a,
      danger: ACTION_SPECS.get(a)?.danger,
      disabled: !ACTION_SPECS.has(a),
      label: <span data-action={a}>{label('action', a)}</span>,
    })),
  }));
  return (
    // data-offered: every action offered, whether a button or in the menu
    <div data-testid="actions" data-offered={detail.allowedActions.join(',')}>
      {detail.allowedActions.length === 0 ? (
        <Typography.Text type="secondary">{t('complaint.noActions')}</Typography.Text>
      ) : (
        <Space wrap size={[8, 8]}>
          {layout.primary.map((a) => button(a, true))}
          {layout.plain.map((a) => button(a, false))}
          {more.length > 0 && (
            <Dropdown
              menu={{ items: more, onClick: ({ key }) => start(key), style: { maxHeight: 'min(480px, 60vh)', overflowY: 'auto' } }}
              trigger={['click']}
            >
              <Button data-testid="more-actions">
                {t('actions.more')} <DownOutlined />
              </Button>
            </Dropdown>
          )}
        </Space>
      )}
      {spec && <ActionDrawer spec={spec} ctx={ctx} lists={lists} onClose={() => setOpen(null)} onDone={onDone} />}
    </div>
  );
}
