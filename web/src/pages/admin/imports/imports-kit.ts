/** Types and query keys of the historical import page (#13 item 7), from the generated API types. */
import type { Answer } from '../../../api/client';

export type ImportRun = Answer<'/api/imports/{id}', 'get'>;
export const IMPORT_KEYS = { list: ['imports'] as const, run: (id: string) => ['imports', id] as const };
/** Polled while a run is queued or running. */
export const RUN_REFRESH_MS = 1000;
export const isActive = (r: Pick<ImportRun, 'status'> | undefined) => r?.status === 'queued' || r?.status === 'running';
export const STATUS_COLOUR: Record<ImportRun['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};
