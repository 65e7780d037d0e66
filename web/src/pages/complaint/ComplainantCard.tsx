import { EyeOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { MaskedComplainant } from '../../types';

/** The complainant, masked unless this page has just unmasked them (with a recorded reason). */
export function ComplainantCard({
  complainant,
  mayUnmask,
  onUnmask,
}: {
  complainant: MaskedComplainant;
  mayUnmask: boolean;
  onUnmask: () => void;
}) {
  const { t } = useI18n();
  const none = t('common.none');
  const p = complainant;
  return (
    <Card
      size="small"
      title={t('complaint.complainant')}
      data-testid="complainant"
      extra={
        p.masked ? (
          <>
            <Tag data-testid="masked">{t('complaint.masked')}</Tag>
            {mayUnmask && (
              <Button size="small" icon={<EyeOutlined />} onClick={onUnmask} data-testid="unmask">
                {t('action.unmask')}
              </Button>
            )}
          </>
        ) : (
          <Tag color="orange" data-testid="unmasked">
            {t('complaint.unmasked')}
          </Tag>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'name', label: t('complaint.name'), children: p.name },
          { key: 'phone', label: t('complaint.phone'), children: p.phone ?? none },
          { key: 'email', label: t('complaint.email'), children: p.email ?? none },
          { key: 'idNumber', label: t('complaint.idNumber'), children: p.idNumber ?? none },
          { key: 'account', label: t('complaint.account'), children: p.account ?? none },
          { key: 'address', label: t('complaint.address'), children: p.address ?? none },
        ]}
      />
    </Card>
  );
}
