import { randomBytes } from 'node:crypto';

export function resetToken(): { token: string; expiresAt: Date } {
  return { token: randomBytes(24).toString('base64url'), expiresAt: new Date(Date.now() + 3600 * 1000) };
}
