import { Button, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { useMe } from '../../../session';
import { useDepartments, usePolicyLists, useUsers } from '../complaint-queries';
import type { EventView, FullDetail, RecordsAnswer } from '../complaint-types';
import type { ActionContext, Option } from './action-spec';
import { ActionDrawer } from './ActionDrawer';
import type { FieldLists } from './ActionField';
import { ACTION_SPECS } from './specs';

interface Props {
  detail: FullDetail;
  records: RecordsAnswer | undefined;
  events: EventView[] | undefined;
  onUnmask: () => void;
  onDone: () => Promise<void>;
}

/** Usernames seen on this complaint, for those who may not list users: suggestions, free text still allowed. */
function knownPeople(detail: FullDetail, records: RecordsAnswer | undefined, events: EventView[] | undefined, me: string | undefined): Option[] {
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
    const causes = (policy.data?.policy.taxonomies.causes ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: locale === 'zh-CN' ? c.zh : c.en }));
    const reg = policy.data?.policy.regulatory;
    return {
      detail,
      records: records?.records ?? [],
      milestones: records?.milestones ?? [],
      related: detail.related,
      causes,
      regulatoryDays: reg ? [reg.extendedDays, reg.maxDays] : [30, 60],
      i18n,
    };
  }, [detail, records, policy.data, locale, i18n]);

  const lists = useMemo<FieldLists>(
    () => ({
      people: users.data
        ? users.data.map((u) => ({ value: u.username, label: `${u.displayName} (${u.username})` }))
        : knownPeople(detail, records, events, me.data?.user.username),
      departments: (departments.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: locale === 'zh-CN' ? d.nameZh : d.nameEn })),
    }),
    [users.data, departments.data, detail, records, events, me.data, locale],
  );

  const spec = open ? ACTION_SPECS.get(open) : undefined;
  return (
    <div data-testid="actions">
      {detail.allowedActions.length === 0 ? (
        <Typography.Text type="secondary">{t('complaint.noActions')}</Typography.Text>
      ) : (
        <Space wrap size={[8, 8]}>
          {detail.allowedActions.map((a) => (
            <Button
              key={a}
              data-action={a}
              danger={ACTION_SPECS.get(a)?.danger}
              disabled={a !== 'unmask' && !ACTION_SPECS.has(a)}
              onClick={() => (a === 'unmask' ? onUnmask() : setOpen(a))}
            >
              {label('action', a)}
            </Button>
          ))}
        </Space>
      )}
      {spec && <ActionDrawer spec={spec} ctx={ctx} lists={lists} onClose={() => setOpen(null)} onDone={onDone} />}
    </div>
  );
}
