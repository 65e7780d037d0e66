import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { applyServerErrors } from './admin-api';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '../../codes';
import type { OrgUnit } from './admin-types';

interface UnitForm {
  kind: OrgUnitKind;
  code: string;
  nameZh: string;
  nameEn: string;
}

/** A new org unit (kind and code are fixed once created), or new names for one. */
export function OrgUnitModal({ target, onClose, onSaved }: { target: OrgUnit | 'new'; onClose: () => void; onSaved: () => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<UnitForm>();
  const [formError, setFormError] = useState<string | null>(null);
  const isNew = target === 'new';
  const save = useMutation({
    mutationFn: (v: UnitForm) =>
      isNew
        ? ok(client.POST('/api/org-units', { body: v }))
        : ok(client.PATCH('/api/org-units/{id}', { params: { path: { id: target.id } }, body: { nameZh: v.nameZh, nameEn: v.nameEn } })),
    onSuccess: onSaved,
    onError: (e) => setFormError(applyServerErrors(form, e, ['kind', 'code', 'nameZh', 'nameEn'])),
  });
  const required = [{ required: true, whitespace: true, message: t('common.required') }];

  return (
    <Modal
      open
      title={isNew ? t('admin.org.new') : t('admin.rename')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('admin.save')}
      confirmLoading={save.isPending}
    >
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <Form<UnitForm>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={isNew ? { kind: 'branch' } : { kind: target.kind, code: target.code, nameZh: target.nameZh, nameEn: target.nameEn }}
      >
        <Form.Item name="kind" label={t('admin.org.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select disabled={!isNew} options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: label('admin.orgKind', k) }))} />
        </Form.Item>
        <Form.Item name="code" label={t('admin.org.code')} rules={required} extra={isNew ? t('admin.org.codeHint') : undefined}>
          <Input disabled={!isNew} maxLength={40} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('admin.org.nameZh')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('admin.org.nameEn')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
