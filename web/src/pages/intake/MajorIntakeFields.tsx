/**
 * The major-complaint facts of the intake form (#14 item 4): a disaster, accident or public-health
 * cause, and the regulator naming it a major complaint (with its reference). With the number of
 * joint complainants they are the rules that mark a complaint major at registration.
 */
import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { MAJOR_CAUSES } from '../../codes';
import { useI18n } from '../../i18n/i18n';

export function MajorIntakeFields() {
  const { t, label } = useI18n();
  const named = Form.useWatch<boolean | undefined>('regulatorNamed');
  return (
    <Row gutter={16} data-testid="intake-major">
      <Col xs={24} md={8}>
        <Form.Item name="majorCause" label={t('intake.majorCause')}>
          <Select
            allowClear
            placeholder={t('intake.majorCause.none')}
            options={MAJOR_CAUSES.map((c) => ({ value: c, label: label('major.cause', c) }))}
            data-testid="intake-major-cause"
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="regulatorNamed" label={t('intake.regulatorNamed')} valuePropName="checked">
          <Switch data-testid="intake-regulator-named" />
        </Form.Item>
      </Col>
      {named && (
        <Col xs={24} md={10}>
          <Form.Item name="regulatorReference" label={t('intake.regulatorReference')}>
            <Input maxLength={200} autoComplete="off" data-testid="intake-regulator-reference" />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
