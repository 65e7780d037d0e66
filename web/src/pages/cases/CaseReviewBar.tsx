import { App, Alert, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../../session';
import { useCaseWrites, type CaseDetail } from './cases-api';

type Dialog = 'approve' | 'reject' | 'withdraw' | null;

export const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** The proposer's submit / take back, and the reviewer's approve, reject and withdraw (each with a note or reason). */
export function CaseReviewBar({ detail: c }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const writes = useCaseWrites();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');
  const own = me.data?.user.username === c.proposedBy;
  const fail = (e: unknown) => void message.error(errorText(e));
  const close = () => {
    setDialog(null);
    setText('');
  };
  const confirm = () => {
    const done = { onSuccess: close, onError: fail };
    if (dialog === 'approve') writes.approve.mutate({ id: c.id, note: text.trim() || null }, done);
    if (dialog === 'reject') writes.reject.mutate({ id: c.id, reason: text.trim() }, done);
    if (dialog === 'withdraw') writes.withdraw.mutate({ id: c.id, reason: text.trim() }, done);
  };
  const pending = writes.approve.isPending || writes.reject.isPending || writes.withdraw.isPending;
  // a variable, not a literal: the test hook passes through to the button
  const okProps = { 'data-testid': 'case-dialog-ok', disabled: dialog !== 'approve' && !text.trim(), loading: pending };
  return (
    <>
      {c.status === 'in_review' && c.mayReview && <Alert type="warning" showIcon message={t('cases.reviewTitle')} />}
      {c.status === 'in_review' && own && <Alert type="info" showIcon message={t('cases.ownCase')} />}
      <Space wrap>
        {own && c.mayEdit && (
          <Button
            type="primary"
            data-testid="case-submit"
            loading={writes.submit.isPending}
            onClick={() => writes.submit.mutate(c.id, { onError: fail })}
          >
            {t('cases.submit')}
          </Button>
        )}
        {own && c.status === 'in_review' && (
          <Button data-testid="case-recall" loading={writes.recall.isPending} onClick={() => writes.recall.mutate(c.id, { onError: fail })}>
            {t('cases.recall')}
          </Button>
        )}
        {c.mayReview && c.status === 'in_review' && (
          <>
            <Button type="primary" data-testid="case-approve" onClick={() => setDialog('approve')}>
              {t('cases.approve')}
            </Button>
            <Button danger data-testid="case-reject" onClick={() => setDialog('reject')}>
              {t('cases.reject')}
            </Button>
          </>
        )}
        {c.mayReview && c.status === 'published' && (
          <Button danger data-testid="case-withdraw" onClick={() => setDialog('withdraw')}>
            {t('cases.withdraw')}
          </Button>
        )}
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog ? t(`cases.${dialog}`) : ''}
        onCancel={close}
        onOk={confirm}
        okButtonProps={okProps}
        okText={dialog ? t(`cases.${dialog}`) : ''}
        cancelText={t('cases.cancel')}
        destroyOnHidden
      >
        <Input.TextArea
          data-testid="case-dialog-text"
          rows={3}
          maxLength={2000}
          placeholder={
            dialog === 'approve' ? t('cases.approveNote') : dialog === 'reject' ? t('cases.rejectReason') : t('cases.withdrawReason')
          }
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Modal>
    </>
  );
}
