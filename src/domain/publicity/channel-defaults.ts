/**
 * The channels a fresh system shows until an administrator saves its own (migration 0027 leaves the
 * table empty). DEMO DATA of an invented company, 示范保险证券: every number, address and name here is
 * fictitious. The e-mail and web addresses use the reserved `.example` domain (RFC 2606); the
 * telephone numbers are well-formed but made up and must be replaced before going live.
 */
import type { PortalChannels } from './portal-channels.js';

const WEEKDAYS = { zh: '工作日 9:00–17:30', en: 'Working days 9:00–17:30' };

export const DEMO_CHANNELS: PortalChannels = {
  companyName: { zh: '示范保险证券', en: 'Demo Insurance & Securities' },
  hotlines: [
    {
      number: '400-012-3456',
      label: { zh: '客服热线（演示号码）', en: 'Customer service hotline (demo number)' },
      hours: { zh: '每天 24 小时', en: '24 hours a day, every day' },
    },
    {
      number: '021-5012-3400',
      label: { zh: '投诉专线（演示号码）', en: 'Complaints line (demo number)' },
      hours: { zh: '工作日 8:30–20:00，周末 9:00–17:00', en: 'Working days 8:30–20:00, weekends 9:00–17:00' },
    },
  ],
  email: 'complaints@demo-insurance.example',
  postal: {
    address: { zh: '上海市浦东新区示范路 100 号示范大厦 8 楼', en: '8/F Demo Tower, 100 Shifan Road, Pudong New Area, Shanghai' },
    recipient: { zh: '客户投诉处理中心', en: 'Customer Complaints Centre' },
    postCode: '200120',
  },
  website: { name: { zh: '示范保险证券官方网站', en: 'Demo Insurance & Securities website' }, url: 'https://www.demo-insurance.example' },
  app: { name: { zh: '示范保险证券 App（“我的—投诉与建议”）', en: 'Demo Insurance & Securities app (Me › Complaints)' } },
  wechat: { name: { zh: '示范保险证券客服', en: 'Demo Insurance & Securities Service' }, account: 'demo_insurance_service' },
  branches: [
    {
      name: { zh: '上海浦东营业部', en: 'Shanghai Pudong branch' },
      address: { zh: '上海市浦东新区示范路 100 号 1 楼', en: '1/F, 100 Shifan Road, Pudong New Area, Shanghai' },
      hours: WEEKDAYS,
      phone: '021-5012-3401',
    },
    {
      name: { zh: '北京朝阳营业部', en: 'Beijing Chaoyang branch' },
      address: { zh: '北京市朝阳区样板街 8 号', en: '8 Yangban Street, Chaoyang District, Beijing' },
      hours: WEEKDAYS,
      phone: '010-6012-3402',
    },
    {
      name: { zh: '广州天河营业部', en: 'Guangzhou Tianhe branch' },
      address: { zh: '广州市天河区模范大道 20 号', en: '20 Mofan Avenue, Tianhe District, Guangzhou' },
      hours: { zh: '周一至周六 9:00–17:00', en: 'Monday to Saturday 9:00–17:00' },
      phone: '020-3012-3403',
    },
  ],
};
