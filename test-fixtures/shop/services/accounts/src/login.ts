export interface Session {
  customerId: string;
  expiresAt: Date;
}

export async function signIn(email: string, password: string, verify: (e: string, p: string) => Promise<string | undefined>): Promise<Session> {
  const customerId = await verify(email.trim().toLowerCase(), password);
  if (!customerId) throw new Error('Wrong e-mail or password');
  return { customerId, expiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000) };
}
