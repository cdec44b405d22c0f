import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { authenticate } from '@/lib/accounts/sign-in';
import { authSecret, isProduction } from '@/lib/env';
import { signInSchema } from '@/lib/validation/sign-in';
import { clientIp } from '@/lib/security/client-ip';

/** Carries why a sign-in failed to the action that called it (never into a URL: we use no auth routes). */
export class SignInFailed extends CredentialsSignin {
  constructor(code: 'invalid' | 'expired' | 'rateLimited', retryAfterSeconds = 0) {
    super();
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
  retryAfterSeconds: number;
}

export const SESSION_HOURS = 8;

// A function, so the secret is read at the first request and never at build time.
export const { auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  useSecureCookies: isProduction,
  session: { strategy: 'jwt', maxAge: SESSION_HOURS * 3600 },
  logger: {
    // A failed sign-in is an expected answer, not a server error: keep it out of the error log.
    error(error: Error) {
      if (!(error instanceof CredentialsSignin)) console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new SignInFailed('invalid');
        const outcome = await authenticate(await getDb(), { ...parsed.data, ip: clientIp(request.headers) });
        if (!outcome.ok) throw new SignInFailed(outcome.reason, outcome.reason === 'rateLimited' ? outcome.retryAfterSeconds : 0);
        return { id: outcome.user.id, sessionVersion: outcome.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string, sv: token.sv as number };
    },
  },
}));
