/**
 * The client's address as set by the reverse proxy in front of the app: the last X-Forwarded-For
 * entry (the one our proxy appended; earlier ones are the client's to forge), else X-Real-IP.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).pop();
  return (last ?? headers.get('x-real-ip') ?? 'unknown').slice(0, 64);
}
