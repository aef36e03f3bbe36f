import { Suspense } from 'react';
import { Entities } from './Entities';

export const metadata = { title: 'Entities' };

export default function EntitiesPage() {
  return (
    <Suspense>
      <Entities />
    </Suspense>
  );
}
