/** The `training.reminders` job (#15 item 1): every morning, tomorrow's training sessions announced to their attendees. */
import type { ServiceContext } from '../services/context.js';
import { sendTrainingReminders } from '../services/training/training-reminders.service.js';

export async function runTrainingReminders(ctx: ServiceContext): Promise<void> {
  await sendTrainingReminders(ctx);
}
