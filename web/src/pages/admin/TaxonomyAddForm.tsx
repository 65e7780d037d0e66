import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { SECTORS, SNAKE_CASE_CODE, type Sector } from '../../codes';
import { useI18n } from '../../i18n/i18n';
import type { TaxonomyItem, TaxonomyName } from './admin-types';

interface NewEntry {
  code: string;
  zh: string;
  en: string;
  sector?: Sector;
}

/** A new entry of a list: a snake_case code not used yet, both labels, and for business lines the sector. */
export function TaxonomyAddForm({
  name,
  entries,
  onAdd,
}: {
  name: TaxonomyName;
  entries: readonly TaxonomyItem[];
  onAdd: (entry: TaxonomyItem) => void;
}) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<NewEntry>();
  const lines = name === 'businessLines';
  const required = { required: true, whitespace: true, message: t('common.required') };

  return (
    <Form<NewEntry>
      form={form}
      layout="inline"
      style={{ marginTop: 16, rowGap: 8 }}
      initialValues={{ sector: 'insurance' }}
      onFinish={(v) => {
        onAdd({ code: v.code, zh: v.zh.trim(), en: v.en.trim(), active: true, ...(lines ? { sector: v.sector ?? 'insurance' } : {}) });
        form.resetFields();
      }}
    >
      <Form.Item
        name="code"
        rules={[
          required,
          { pattern: SNAKE_CASE_CODE, message: t('admin.tax.codeFormat') },
          {
            validator: async (_r, v: string | undefined) =>
              v && entries.some((e) => e.code === v) ? Promise.reject(new Error(t('admin.tax.codeTaken'))) : undefined,
          },
        ]}
      >
        <Input placeholder={t('admin.tax.code')} style={{ width: 170 }} maxLength={64} data-testid="tax-new-code" />
      </Form.Item>
      <Form.Item name="zh" rules={[required]}>
        <Input placeholder={t('admin.tax.zh')} style={{ width: 170 }} maxLength={200} data-testid="tax-new-zh" />
      </Form.Item>
      <Form.Item name="en" rules={[required]}>
        <Input placeholder={t('admin.tax.en')} style={{ width: 170 }} maxLength={200} data-testid="tax-new-en" />
      </Form.Item>
      {lines && (
        <Form.Item name="sector">
          <Select style={{ width: 120 }} options={SECTORS.map((s) => ({ value: s, label: label('admin.sector', s) }))} />
        </Form.Item>
      )}
      <Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />} data-testid="tax-add">
          {t('admin.tax.add')}
        </Button>
      </Form.Item>
    </Form>
  );
}
