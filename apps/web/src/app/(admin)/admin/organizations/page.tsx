import { Suspense } from 'react';
import { AdminOrganizations } from './AdminOrganizations';

export const metadata = { title: 'Organizations' };

export default function AdminOrganizationsPage() {
  return (
    <Suspense>
      <AdminOrganizations />
    </Suspense>
  );
}
