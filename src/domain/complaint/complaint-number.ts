/** 投诉编号: prefix + local registration date + a per-day sequence, e.g. TS202611250001. */
export function formatComplaintNumber(prefix: string, localDate: string, sequence: number): string {
  return `${prefix}${localDate.replaceAll('-', '')}${String(sequence).padStart(4, '0')}`;
}
