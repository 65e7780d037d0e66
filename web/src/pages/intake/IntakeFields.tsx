import { useQuery } from '@tanstack/react-query';
import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { client, ok } from '../../api/client';
import { ID_TYPES, RISK_FLAGS } from '../../codes';
import { useI18n } from '../../i18n/i18n';
import { useTaxonomy } from '../../taxonomy';
import type { IntakeMode } from './intake-body';
import { MajorIntakeFields } from './MajorIntakeFields';

/** Who complains: on the hotline the phone comes first (it finds the customer's history). */
export function ComplainantFields({ mode }: { mode: IntakeMode }) {
  const { t, label } = useI18n();
  const taxonomy = useTaxonomy();
  const phone = (
    <Col xs={24} md={12} key="phone">
      <Form.Item name="phone" label={t('intake.phone')} extra={t('intake.phoneHint')}>
        <Input autoFocus={mode === 'hotline'} inputMode="tel" autoComplete="off" data-testid="intake-phone" />
      </Form.Item>
    </Col>
  );
  const name = (
    <Col xs={24} md={12} key="name">
      <Form.Item name="name" label={t('intake.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input autoFocus={mode !== 'hotline'} autoComplete="off" data-testid="intake-name" />
      </Form.Item>
    </Col>
  );
  return (
    <Row gutter={16}>
      {mode === 'hotline' ? [phone, name] : [name, phone]}
      <Col xs={24} md={12}>
        <Form.Item name="email" label={t('intake.email')}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="address"
          label={t('intake.address')}
          rules={mode === 'letter' ? [{ required: true, whitespace: true, message: t('common.required') }] : []}
        >
          <Input autoComplete="off" data-testid="intake-address" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="idType" label={t('intake.idType')}>
          <Select allowClear options={ID_TYPES.map((c) => ({ value: c, label: label('idType', c) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="idNumber" label={t('intake.idNumber')}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="account" label={t('intake.account')}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="customerGroup" label={t('intake.customerGroup')}>
          <Select
            allowClear
            options={taxonomy
              .entries('customerGroups')
              .filter((e) => e.active)
              .map((e) => ({ value: e.code, label: taxonomy.label('customerGroups', e.code) }))}
            data-testid="intake-customer-group"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** What the complaint is about, how much, how urgent and risky. */
export function MatterFields() {
  const { t, label } = useI18n();
  const taxonomy = useTaxonomy();
  const form = Form.useFormInstance();
  // only the chosen business line's categories (property insurance has no securities trading)
  const line = Form.useWatch<string | undefined>('businessLine', form);
  const category = Form.useWatch<string | undefined>('category', form);
  const { fitsLine } = taxonomy;
  useEffect(() => {
    if (category && !fitsLine(category, line)) form.setFieldValue('category', undefined);
  }, [category, line, form, fitsLine]);
  const options = (name: 'businessLines' | 'categories') =>
    taxonomy
      .entries(name)
      .filter((e) => e.active && (name !== 'categories' || taxonomy.fitsLine(e.code, line)))
      .map((e) => ({ value: e.code, label: taxonomy.label(name, e.code) }));
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="businessLine" label={t('intake.businessLine')} rules={required}>
          <Select showSearch optionFilterProp="label" options={options('businessLines')} data-testid="intake-business-line" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="category" label={t('intake.category')} rules={required}>
          <Select showSearch optionFilterProp="label" options={options('categories')} data-testid="intake-category" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="description"
          label={t('intake.description')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10_000} data-testid="intake-description" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="requestedRemedy" label={t('intake.requestedRemedy')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2_000} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="amount" label={t('intake.amount')}>
          <Input inputMode="decimal" autoComplete="off" data-testid="intake-amount" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="product" label={t('intake.product')}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name="jointComplainants" label={t('intake.jointComplainants')}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name="urgent" label={t('intake.urgent')} valuePropName="checked">
          <Switch data-testid="intake-urgent" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="riskFlags" label={t('intake.riskFlags')}>
          <Checkbox.Group options={RISK_FLAGS.map((f) => ({ value: f, label: label('riskFlag', f) }))} data-testid="intake-flags" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <MajorIntakeFields />
      </Col>
    </Row>
  );
}

function ReceivedAt({ letter }: { letter: boolean }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="receivedAt"
      label={t(letter ? 'intake.receivedAtLetter' : 'intake.receivedAt')}
      rules={letter ? [{ required: true, message: t('common.required') }] : []}
      getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : null })}
      normalize={(d: Dayjs | null) => (d ? d.toISOString() : null)}
    >
      <DatePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        style={{ width: '100%' }}
        disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
        data-testid="intake-received-at"
      />
    </Form.Item>
  );
}

/** Where it came from: the call on the hotline, the branch at the counter, the letter's arrival. */
export function SourceFields({ mode }: { mode: IntakeMode }) {
  const { t, locale } = useI18n();
  const branches = useQuery({
    queryKey: ['org-units', 'branch'],
    queryFn: () => ok(client.GET('/api/org-units', { params: { query: { kind: 'branch' } } })),
    enabled: mode === 'branch',
    staleTime: 10 * 60_000,
  });
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <ReceivedAt letter={mode === 'letter'} />
      </Col>
      {mode === 'hotline' && (
        <Col xs={24} md={12}>
          <Form.Item name="callReference" label={t('intake.callReference')}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
      )}
      {mode === 'branch' && (
        <Col xs={24} md={12}>
          <Form.Item name="branchId" label={t('intake.branch')} extra={t('intake.branchDefault')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={branches.isPending}
              options={(branches.data?.items ?? [])
                .filter((b) => b.active)
                .map((b) => ({ value: b.id, label: `${locale === 'zh-CN' ? b.nameZh : b.nameEn} (${b.code})` }))}
              data-testid="intake-branch"
            />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item name="subjectParty" label={t('intake.subjectParty')}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        {/* a complaint about how an earlier complaint was handled (R-E5): it goes to the supervision department */}
        <Form.Item name="aboutComplaint" label={t('intake.aboutComplaint')} extra={t('intake.aboutComplaintHelp')}>
          <Input autoComplete="off" placeholder="TS…" data-testid="intake-about-complaint" />
        </Form.Item>
      </Col>
    </Row>
  );
}
