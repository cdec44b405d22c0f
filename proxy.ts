import createMiddleware from 'next-intl/middleware';
import { NextRequest } from 'next/server';
import { routing } from '@/lib/i18n/routing';
import { contentSecurityPolicy } from '@/lib/security/csp';

const handleI18nRouting = createMiddleware(routing);

/**
 * Routes locales (`/` goes to the saved or browser language) and sets a per-request CSP nonce.
 * It checks no sign-in: every page, action and data function does that itself.
 */
export default function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(
    nonce,
    process.env.NODE_ENV !== 'production',
    process.env.APP_URL?.startsWith('https://'),
  );
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = handleI18nRouting(new NextRequest(request, { headers }));
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
