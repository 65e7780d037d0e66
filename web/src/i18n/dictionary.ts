/**
 * Every message of the signed-in app: the core list plus one file per area (areas/*.ts), so that
 * pages can grow their own messages side by side. zh-CN is the reference; en-US must name every key.
 */
import * as admin from './areas/admin';
import * as anonymisation from './areas/anonymisation';
import * as assessment from './areas/assessment';
import * as board from './areas/board';
import * as cases from './areas/cases';
import * as complaint from './areas/complaint';
import * as correspondence from './areas/correspondence';
import * as hotline from './areas/hotline';
import * as imports from './areas/imports';
import * as intake from './areas/intake';
import * as ledger from './areas/ledger';
import * as mailboxes from './areas/mailboxes';
import * as major from './areas/major';
import * as messages from './areas/messages';
import * as publicity from './areas/publicity';
import * as regulator from './areas/regulator';
import * as reports from './areas/reports';
import * as retention from './areas/retention';
import * as spikes from './areas/spikes';
import * as statistics from './areas/statistics';
import * as supervision from './areas/supervision';
import * as templates from './areas/templates';
import * as training from './areas/training';
import * as usability from './areas/usability';
import * as webhooks from './areas/webhooks';
import * as workbench from './areas/workbench';
import { en as coreEn } from './messages.en';
import { zh as coreZh } from './messages.zh';

export const zh = {
  ...coreZh,
  ...complaint.zh,
  ...correspondence.zh,
  ...admin.zh,
  ...board.zh,
  ...workbench.zh,
  ...intake.zh,
  ...ledger.zh,
  ...usability.zh,
  ...templates.zh,
  ...webhooks.zh,
  ...messages.zh,
  ...hotline.zh,
  ...mailboxes.zh,
  ...statistics.zh,
  ...regulator.zh,
  ...reports.zh,
  ...spikes.zh,
  ...imports.zh,
  ...assessment.zh,
  ...supervision.zh,
  ...major.zh,
  ...publicity.zh,
  ...anonymisation.zh,
  ...retention.zh,
  ...cases.zh,
  ...training.zh,
};
export type MessageKey = keyof typeof zh;
export const en: Record<MessageKey, string> = {
  ...coreEn,
  ...complaint.en,
  ...correspondence.en,
  ...admin.en,
  ...board.en,
  ...workbench.en,
  ...intake.en,
  ...ledger.en,
  ...usability.en,
  ...templates.en,
  ...webhooks.en,
  ...messages.en,
  ...hotline.en,
  ...mailboxes.en,
  ...statistics.en,
  ...regulator.en,
  ...reports.en,
  ...spikes.en,
  ...imports.en,
  ...assessment.en,
  ...supervision.en,
  ...major.en,
  ...publicity.en,
  ...anonymisation.en,
  ...retention.en,
  ...cases.en,
  ...training.en,
};
