import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { ActionContext, Field, Option } from './action-spec';
import { FileField } from './FileField';

/** Lists the fields choose from, loaded once per drawer. */
export interface FieldLists {
  people: Option[];
  departments: Option[];
}

const match = (input: string, option?: { label?: ReactNode; value?: unknown }) =>
  `${String(option?.label ?? '')} ${String(option?.value ?? '')}`.toLowerCase().includes(input.toLowerCase());

/** A username (or several): the Form.Item's id, value and onChange pass through to the input. */
function UserInput({
  multiple,
  people,
  ...control
}: {
  multiple?: boolean;
  people: Option[];
  id?: string;
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
}) {
  const { t } = useI18n();
  if (multiple)
    return (
      <Select
        {...control}
        mode="tags"
        options={people}
        filterOption={match}
        tokenSeparators={[',', '，', ' ']}
        placeholder={t('complaint.typeUsername')}
      />
    );
  const { value, onChange, id } = control;
  return (
    <AutoComplete
      id={id}
      value={typeof value === 'string' ? value : undefined}
      onChange={onChange}
      options={people}
      filterOption={match}
      allowClear
      placeholder={t('complaint.typeUsername')}
    />
  );
}

/** The input of one field (without its Form.Item). */
function control(field: Field, ctx: ActionContext, lists: FieldLists): ReactNode {
  const { t, label } = ctx.i18n;
  switch (field.kind) {
    case 'text':
      return <Input maxLength={2000} />;
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />;
    case 'money':
      return <Input prefix="¥" inputMode="decimal" style={{ maxWidth: 240 }} />;
    case 'datetime':
      return <Input type="datetime-local" style={{ maxWidth: 240 }} />;
    case 'number':
      return <InputNumber min={field.min} max={field.max} precision={0} style={{ width: 160 }} />;
    case 'enum': {
      const options = field.values.map((v) => ({ value: v, label: label(field.prefix, v) }));
      return field.radio ? <Radio.Group options={options} optionType="button" /> : <Select options={options} />;
    }
    case 'select': {
      const options = field.options(ctx);
      if (field.free) return <AutoComplete options={options} filterOption={match} allowClear />;
      return (
        <Select
          options={options}
          mode={field.multiple ? 'multiple' : undefined}
          showSearch
          filterOption={match}
          allowClear
          notFoundContent={t('complaint.nothingToChoose')}
        />
      );
    }
    case 'yesNo':
      return (
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: t(field.yes) },
            { value: false, label: t(field.no) },
          ]}
        />
      );
    case 'checkbox':
      return <Checkbox>{t(field.text)}</Checkbox>;
    case 'user':
      return <UserInput multiple={field.multiple} people={lists.people} />;
    case 'departments':
      return (
        <Select options={lists.departments} mode={field.multiple ? 'multiple' : undefined} showSearch filterOption={match} allowClear />
      );
    case 'causes':
      return <Select options={ctx.causes} mode="multiple" showSearch filterOption={match} allowClear />;
    case 'tags':
      return <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />;
    case 'file':
      return <FileField />;
    case 'milestones':
      return null;
  }
}

/** The plan's milestones: one row each (title, owner, due time), added and removed with the keyboard. */
function MilestonesField({ field, lists }: { field: Field; lists: FieldLists }) {
  const { t } = useI18n();
  return (
    <Form.Item label={t(field.label)} required={field.required}>
      <Form.List name={typeof field.name === 'string' ? field.name : [...field.name]}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, i) => (
              <Card key={row.key} size="small" style={{ marginBottom: 8 }} data-testid={`milestone-row-${i}`}>
                <Row gutter={8} align="bottom">
                  <Col span={22}>
                    <Form.Item name={[row.name, 'title']} label={t('complaint.f.milestoneTitle')} required style={{ marginBottom: 8 }}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={2} style={{ paddingBottom: 12 }}>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('complaint.removeMilestone')}
                      onClick={() => remove(row.name)}
                    />
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[row.name, 'owner']} label={t('complaint.f.milestoneOwner')} required style={{ marginBottom: 8 }}>
                      <UserInput people={lists.people} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[row.name, 'dueAt']} label={t('complaint.f.milestoneDue')} required style={{ marginBottom: 8 }}>
                      <Input type="datetime-local" />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
              {t('complaint.addMilestone')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** One field of an action's form, with its label, help and (server) errors. */
export function ActionField({ field, ctx, lists }: { field: Field; ctx: ActionContext; lists: FieldLists }) {
  const { t } = ctx.i18n;
  if (field.kind === 'milestones') return <MilestonesField field={field} lists={lists} />;
  return (
    <Form.Item
      name={typeof field.name === 'string' ? field.name : [...field.name]}
      label={t(field.label)}
      required={field.required}
      extra={field.help ? t(field.help) : undefined}
      valuePropName={field.kind === 'checkbox' ? 'checked' : 'value'}
    >
      {control(field, ctx, lists)}
    </Form.Item>
  );
}
