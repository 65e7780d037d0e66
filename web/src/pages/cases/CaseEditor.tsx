import { App, Button, Card, Form, Input, Select, Space } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { useTaxonomy } from '../../taxonomy';
import { errorText } from './CaseReviewBar';
import { useCaseWrites, type CaseDetail, type CaseEdit } from './cases-api';

interface Values {
  title: string;
  background: string;
  handling: string;
  outcome: string;
  lessons: string;
  causeCodes: string[];
  lessonTags: string[];
}

/** The proposer's editor. The server anonymises every save again, so what comes back is what is stored. */
export function CaseEditor({ detail: c, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { entries, label } = useTaxonomy();
  const writes = useCaseWrites();
  const [form] = Form.useForm<Values>();
  const save = (v: Values) => {
    const body: CaseEdit = { ...v, title: v.title.trim() };
    writes.edit.mutate(
      { id: c.id, body },
      {
        onSuccess: () => {
          void message.success(t('cases.saved'));
          onClose();
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );
  };
  const area = (name: keyof Values & string, rows: number) => (
    <Form.Item name={name} label={t(`cases.field.${name as 'title'}`)}>
      <Input.TextArea data-testid={`case-input-${name}`} rows={rows} maxLength={20_000} />
    </Form.Item>
  );
  return (
    <Card data-testid="case-editor">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          title: c.title,
          background: c.background,
          handling: c.handling,
          outcome: c.outcome,
          lessons: c.lessons,
          causeCodes: c.causeCodes,
          lessonTags: c.lessonTags,
        }}
        onFinish={save}
      >
        <Form.Item name="title" label={t('cases.field.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input data-testid="case-input-title" maxLength={200} />
        </Form.Item>
        {area('background', 5)}
        {area('handling', 6)}
        {area('outcome', 3)}
        {area('lessons', 4)}
        <Form.Item name="causeCodes" label={t('cases.field.causes')}>
          <Select mode="multiple" options={entries('causes').map((e) => ({ value: e.code, label: label('causes', e.code) }))} />
        </Form.Item>
        <Form.Item name="lessonTags" label={t('cases.field.lessonTags')} extra={t('cases.tagsHint')}>
          <Select data-testid="case-input-tags" mode="tags" open={false} tokenSeparators={[',', '，']} maxCount={20} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="case-save" loading={writes.edit.isPending}>
            {t('cases.save')}
          </Button>
          <Button onClick={onClose}>{t('cases.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
