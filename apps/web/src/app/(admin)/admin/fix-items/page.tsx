import { Suspense } from 'react';
import { FixItems } from './FixItems';

export const metadata = { title: 'Fix items' };

export default function FixItemsPage() {
  return (
    <Suspense>
      <FixItems />
    </Suspense>
  );
}
