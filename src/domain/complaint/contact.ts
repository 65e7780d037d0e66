/** Digits only; a mainland +86/0086 prefix is dropped so 138 1234 5678 and +86-13812345678 match. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 13 && digits.startsWith('86')) return digits.slice(2);
  if (digits.length === 15 && digits.startsWith('0086')) return digits.slice(4);
  return digits;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Keys used to find earlier complaints of the same complainant (R-B7). */
export function contactKeys(c: { phone?: string | null; email?: string | null }): string[] {
  const keys: string[] = [];
  if (c.phone) {
    const p = normalizePhone(c.phone);
    if (p.length >= 5) keys.push(`phone:${p}`);
  }
  if (c.email) keys.push(`email:${normalizeEmail(c.email)}`);
  return keys;
}
