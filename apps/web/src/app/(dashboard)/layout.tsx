import { Suspense, type ReactNode } from 'react';
import { DashboardShell } from '@/components/AppShell';

/** `(dashboard)`: sidebar, header with org and user menu, breadcrumbs (product.md Part B). */
export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <Suspense>
      <DashboardShell>{children}</DashboardShell>
    </Suspense>
  );
}
