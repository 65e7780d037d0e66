import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { client, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { CalendarDay } from './admin-types';

type EditKind = 'holiday' | 'workday' | 'default';

/** Changes one day: a holiday, an adjusted working day (调休), or back to the weekday/weekend default. */
export function DayEditModal({ day, onClose, onSaved }: { day: CalendarDay; onClose: () => void; onSaved: (replanned: number) => void }) {
  const { t, label } = useI18n();
  const [kind, setKind] = useState<EditKind>(day.kind === 'holiday' || day.kind === 'workday' ? day.kind : 'default');
  const [name, setName] = useState(day.name);
  const save = useMutation({
    mutationFn: () =>
      ok(
        client.PUT('/api/calendar/days/{date}', {
          params: { path: { date: day.date } },
          body: { kind, name: kind === 'default' ? '' : name.trim() },
        }),
      ),
    onSuccess: (r) => onSaved(r.replanned),
  });
  const weekday = t('admin.calendar.weekdays').split(',')[(day.weekday + 6) % 7];

  return (
    <Modal
      open
      title={t('admin.calendar.editDay', { date: day.date, weekday: weekday ?? '' })}
      onCancel={onClose}
      onOk={() => save.mutate()}
      okText={t('admin.save')}
      confirmLoading={save.isPending}
    >
      {save.error && <Alert type="error" showIcon message={save.error.message} style={{ marginBottom: 16 }} />}
      <Form layout="vertical">
        <Form.Item label={t('admin.calendar.kind')}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as EditKind)} data-testid="day-kind">
            <Space direction="vertical">
              <Radio value="holiday">{label('admin.dayKind', 'holiday')}</Radio>
              <Radio value="workday">{label('admin.dayKind', 'workday')}</Radio>
              <Radio value="default">{t('admin.calendar.default')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {kind !== 'default' && (
          <Form.Item label={t('admin.calendar.name')}>
            <Input
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={50}
              placeholder={t('admin.calendar.namePlaceholder')}
              data-testid="day-name"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
