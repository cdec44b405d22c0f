import { signOutAction } from '@/lib/auth/actions';

export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded px-2 py-1 hover:bg-slate-100">
        {label}
      </button>
    </form>
  );
}
