import { Suspense, type ReactNode } from 'react';
import { AdminShell } from '@/components/AppShell';

export const metadata = { title: { default: 'Admin', template: '%s · Admin · PatenTrack3' } };

/** `(admin)` under `/admin`: super admins only; anyone else is redirected to `/`. */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <Suspense>
      <AdminShell>{children}</AdminShell>
    </Suspense>
  );
}
