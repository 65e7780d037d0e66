import { Alert, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { useTaxonomy } from '../../taxonomy';
import { useCreateMonthly, useCreateSpecial, type SpecialBody } from './report-queries';

interface ModalProps {
  onClose(): void;
  onCreated(id: string): void;
}

function errorText(e: unknown): string | null {
  if (!e) return null;
  return e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : String(e);
}

/** 生成月度报告: any month that has begun (last month by default). */
export function NewMonthlyModal({ onClose, onCreated }: ModalProps) {
  const { t } = useI18n();
  const [month, setMonth] = useState<Dayjs | null>(dayjs().subtract(1, 'month'));
  const create = useCreateMonthly();
  return (
    <Modal
      open
      title={t('reports.newMonthly')}
      okText={t('reports.create')}
      okButtonProps={{ disabled: !month, loading: create.isPending, id: 'create-monthly' }}
      onCancel={onClose}
      onOk={() => month && create.mutate(month.format('YYYY-MM'), { onSuccess: (r) => onCreated(r.id) })}
    >
      <Form layout="vertical">
        <Form.Item label={t('reports.month')} required>
          <DatePicker
            picker="month"
            value={month}
            onChange={setMonth}
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            style={{ width: 200 }}
            data-testid="report-month"
          />
        </Form.Item>
      </Form>
      {create.error && <Alert type="error" showIcon message={errorText(create.error)} />}
    </Modal>
  );
}

interface SpecialForm {
  subject: 'complaint' | 'set';
  complaint?: string;
  range?: [Dayjs, Dayjs];
  level?: Array<1 | 2 | 3>;
  category?: string[];
  businessLine?: string[];
  description?: string;
  title?: string;
  recommendations?: string;
}

function bodyOf(v: SpecialForm): SpecialBody {
  const common = { title: v.title || null, recommendations: v.recommendations || null };
  if (v.subject === 'complaint') return { subject: 'complaint', complaint: v.complaint ?? '', ...common };
  const [from, to] = v.range ?? [dayjs(), dayjs()];
  return {
    subject: 'set',
    from: from.format('YYYY-MM-DD'),
    to: to.format('YYYY-MM-DD'),
    filter: {
      ...(v.level?.length ? { level: v.level } : {}),
      ...(v.category?.length ? { category: v.category } : {}),
      ...(v.businessLine?.length ? { businessLine: v.businessLine } : {}),
    },
    description: v.description || null,
    ...common,
  };
}

/** 生成专项报告: one complaint (by number), or a set by period and filters; the recommendations can be written now or later. */
export function NewSpecialModal({ onClose, onCreated }: ModalProps) {
  const { t, label } = useI18n();
  const taxonomy = useTaxonomy();
  const [form] = Form.useForm<SpecialForm>();
  const subject = Form.useWatch('subject', form) ?? 'complaint';
  const create = useCreateSpecial();
  const options = (name: 'categories' | 'businessLines') =>
    taxonomy.entries(name).map((e) => ({ value: e.code, label: taxonomy.label(name, e.code) }));
  return (
    <Modal
      open
      width={640}
      title={t('reports.newSpecial')}
      okText={t('reports.create')}
      okButtonProps={{ loading: create.isPending, id: 'create-special' }}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => create.mutate(bodyOf(v), { onSuccess: (r) => onCreated(r.id) }))}
    >
      <Form form={form} layout="vertical" initialValues={{ subject: 'complaint' }}>
        <Form.Item name="subject" label={t('reports.subject')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'complaint', label: t('reports.subject.complaint') },
              { value: 'set', label: t('reports.subject.set') },
            ]}
          />
        </Form.Item>
        {subject === 'complaint' ? (
          <Form.Item
            name="complaint"
            label={t('reports.complaintNumber')}
            rules={[{ required: true, message: t('reports.complaintRequired') }]}
          >
            <Input placeholder="TS20261125…" data-testid="special-complaint" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="range" label={t('reports.range')} rules={[{ required: true, message: t('reports.rangeRequired') }]}>
              <DatePicker.RangePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="level" label={t('reports.filterLevel')}>
              <Select mode="multiple" allowClear options={[1, 2, 3].map((l) => ({ value: l, label: label('level', l) }))} />
            </Form.Item>
            <Form.Item name="businessLine" label={t('reports.filterBusinessLine')}>
              <Select mode="multiple" allowClear options={options('businessLines')} />
            </Form.Item>
            <Form.Item name="category" label={t('reports.filterCategory')}>
              <Select mode="multiple" allowClear options={options('categories')} />
            </Form.Item>
            <Form.Item name="description" label={t('reports.description')}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
        <Form.Item name="title" label={t('reports.reportTitle')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="recommendations" label={t('reports.recommendations')} extra={t('reports.recommendationsHint')}>
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
      </Form>
      {create.error && <Alert type="error" showIcon message={errorText(create.error)} />}
    </Modal>
  );
}
