import { Tag } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { CaseStatus } from './cases-api';

const COLOR: Record<CaseStatus, string> = {
  draft: 'default',
  in_review: 'orange',
  published: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return (
    <Tag data-testid="case-status" data-status={status} color={COLOR[status]}>
      {t(`cases.status.${status}`)}
    </Tag>
  );
}
