export function loginButtonLabel(busy: boolean): string {
  return busy ? 'Signing in…' : 'Sign in';
}
