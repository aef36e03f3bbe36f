import { Suspense } from 'react';
import { AdminOrganization } from './AdminOrganization';

export default function AdminOrganizationPage() {
  return (
    <Suspense>
      <AdminOrganization />
    </Suspense>
  );
}
