import { BookOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { can, useMe } from '../../session';
import { errorText } from './CaseReviewBar';
import { useCaseWrites } from './cases-api';

/** 推荐为教学案例, among a closed complaint's actions: makes the anonymised draft and opens it. */
export function ProposeCaseButton({ complaintId, status }: { complaintId: string; status: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const { propose } = useCaseWrites();
  if (status !== 'closed' || !can(me.data, 'case.propose')) return null;
  return (
    <Popconfirm
      title={t('cases.propose')}
      description={<div style={{ maxWidth: 320 }}>{t('cases.proposeConfirm')}</div>}
      okButtonProps={{ loading: propose.isPending }}
      onConfirm={() =>
        propose.mutate(complaintId, {
          onSuccess: (c) => void navigate(`/cases/${c.id}`),
          onError: (e) => void message.error(errorText(e)),
        })
      }
    >
      <Button icon={<BookOutlined />} data-testid="propose-case">
        {t('cases.propose')}
      </Button>
    </Popconfirm>
  );
}
