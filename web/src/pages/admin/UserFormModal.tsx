import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { applyServerErrors, useOrgUnits, useRoles } from './admin-api';
import type { AdminUser } from './admin-types';

interface UserForm {
  username: string;
  displayName: string;
  email?: string;
  roles: string[];
  orgUnitIds: string[];
}

const FIELDS = ['username', 'displayName', 'email', 'roles', 'orgUnitIds'] as const;

/** Create a user (the answer carries the one-time password) or change one's names, roles and units. */
export function UserFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: AdminUser | 'new';
  onClose: () => void;
  onSaved: (answer: { user: AdminUser; oneTimePassword?: string }) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<UserForm>();
  const [formError, setFormError] = useState<string | null>(null);
  const roles = useRoles();
  const units = useOrgUnits();
  const isNew = target === 'new';

  const save = useMutation({
    mutationFn: async (v: UserForm) => {
      const email = v.email?.trim() ? v.email.trim() : null;
      if (isNew) return ok(client.POST('/api/users', { body: { ...v, email } }));
      const user = await ok(
        client.PATCH('/api/users/{id}', {
          params: { path: { id: target.id } },
          body: { displayName: v.displayName, email, roles: v.roles, orgUnitIds: v.orgUnitIds },
        }),
      );
      return { user };
    },
    onSuccess: onSaved,
    onError: (e) => setFormError(applyServerErrors(form, e, FIELDS)),
  });

  const unitOptions = (units.data ?? [])
    .filter((u) => u.active || (!isNew && target.orgUnitIds.includes(u.id)))
    .map((u) => ({ value: u.id, label: `${locale === 'zh-CN' ? u.nameZh : u.nameEn} (${u.code})` }));
  const required = [{ required: true, message: t('common.required') }];

  return (
    <Modal
      open
      title={isNew ? t('admin.users.new') : t('admin.users.edit', { name: target.username })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('admin.save')}
      confirmLoading={save.isPending}
    >
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <Form<UserForm>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={
          isNew
            ? { roles: [], orgUnitIds: [] }
            : {
                username: target.username,
                displayName: target.displayName,
                email: target.email ?? '',
                roles: target.roles,
                orgUnitIds: target.orgUnitIds,
              }
        }
      >
        <Form.Item
          name="username"
          label={t('admin.users.username')}
          rules={required}
          extra={isNew ? t('admin.users.usernameHint') : undefined}
        >
          <Input disabled={!isNew} maxLength={64} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('admin.users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={100} data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="email" label={t('admin.users.email')} rules={[{ type: 'email', message: t('admin.users.emailInvalid') }]}>
          <Input maxLength={254} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('admin.users.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}
        >
          <Select
            mode="multiple"
            loading={roles.isPending}
            options={(roles.data ?? []).map((r) => ({ value: r.role, label: locale === 'zh-CN' ? r.zh : r.en }))}
            optionFilterProp="label"
            data-testid="user-roles"
          />
        </Form.Item>
        <Form.Item name="orgUnitIds" label={t('admin.users.units')}>
          <Select mode="multiple" loading={units.isPending} options={unitOptions} optionFilterProp="label" data-testid="user-units" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
