/** The server's field errors on the form fields they name ("heldAt", "body.milestones.0.dueAt", "file.base64"…). */
import type { FormInstance } from 'antd';
import type { ApiError } from '../../../api';

type Path = (string | number)[];

export function fieldPath(field: string): Path {
  return field
    .replace(/^body\.?/, '')
    .split('.')
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** "milestones.0.dueAt: 必须晚于…" -> "必须晚于…" (the form shows the field already). */
export function bare(field: string, message: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * A refused choice lists the allowed codes ("取值无效，可选：low、medium、high"): read them as the
 * labels the form shows ("…可选：低、中、高"). Items that are not codes of the field stay as they are.
 */
export function labelChoices(message: string, choices: readonly Choice[]): string {
  const at = Math.max(message.lastIndexOf('：'), message.lastIndexOf(': '));
  if (at < 0 || choices.length === 0) return message;
  const start = message.charAt(at) === '：' ? at + 1 : at + 2;
  const list = message.slice(start);
  const separator = list.includes('、') ? '、' : ', ';
  const byCode = new Map(choices.map((c) => [c.value, c.label]));
  return (
    message.slice(0, start) +
    list
      .split(separator)
      .map((item) => byCode.get(item.trim()) ?? item)
      .join(separator)
  );
}

/**
 * Puts each field error on the closest registered form field (the field itself, else its nearest
 * parent: "causes.1" on "causes", "file.contentType" on "file"); returns the messages that fit no
 * field, for the alert.
 */
export function applyServerErrors(form: FormInstance, err: ApiError, choicesOf: (path: Path) => readonly Choice[] = () => []): string[] {
  const registered = form.getFieldsError().map((f) => f.name);
  const key = (p: readonly (string | number)[]) => JSON.stringify(p);
  const known = new Set(registered.map(key));
  const errors = new Map<string, { name: Path; errors: string[] }>();
  const leftover: string[] = [];
  for (const f of err.fields) {
    const path = fieldPath(f.field);
    let target: Path | null = null;
    for (let n = path.length; n > 0 && !target; n -= 1) if (known.has(key(path.slice(0, n)))) target = path.slice(0, n);
    const message = labelChoices(bare(f.field, f.message), target ? choicesOf(target) : []);
    if (!target) {
      leftover.push(f.message);
      continue;
    }
    const entry = errors.get(key(target)) ?? { name: target, errors: [] };
    entry.errors.push(message);
    errors.set(key(target), entry);
  }
  form.setFields([...errors.values()]);
  return leftover;
}
