import { Card } from 'antd';
import { useSearchParams } from 'react-router';
import type { MessageKey } from '../../../i18n/dictionary';
import { useI18n } from '../../../i18n/i18n';
import { can, useMe } from '../../../session';
import { DevelopmentMailbox } from './DevelopmentMailbox';
import { FailedJobs } from './FailedJobs';
import { MessageLog } from './MessageLog';

const VIEWS = ['log', 'mailbox', 'jobs'] as const;
type View = (typeof VIEWS)[number];
const TITLES: Record<View, MessageKey> = { log: 'messages.view.log', mailbox: 'messages.view.mailbox', jobs: 'messages.view.jobs' };

/**
 * /admin/messages (#11): the message log for whoever may read it; the development mailbox and the
 * failed background jobs for whoever may manage messages (?view=mailbox, ?view=jobs).
 */
export function MessagesPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const manage = can(me.data, 'message.manage');
  const views = VIEWS.filter((v) => v === 'log' || manage);
  const asked = params.get('view') ?? 'log';
  const view: View = views.find((v) => v === asked) ?? 'log';

  return (
    <Card
      data-testid="messages-page"
      activeTabKey={view}
      onTabChange={(key) => setParams(key === 'log' ? {} : { view: key }, { replace: true })}
      tabList={views.map((v) => ({ key: v, label: <span data-testid={`messages-view-${v}`}>{t(TITLES[v])}</span> }))}
    >
      {view === 'log' && <MessageLog />}
      {view === 'mailbox' && <DevelopmentMailbox />}
      {view === 'jobs' && <FailedJobs />}
    </Card>
  );
}
