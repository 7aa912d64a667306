export function isValidEmail(email: string): boolean {
  return /^[^@\s]+@[^@\s]+$/.test(email);
}

export async function login(email: string, password: string): Promise<boolean> {
  return isValidEmail(email) && password.length >= 12;
}
