import { Suspense } from 'react';
import { MaintenanceFees } from './MaintenanceFees';

export const metadata = { title: 'Maintenance fees' };

export default function MaintenancePage() {
  return (
    <Suspense>
      <MaintenanceFees />
    </Suspense>
  );
}
