import { Suspense } from 'react';
import { Trees } from './Trees';

export const metadata = { title: 'Trees' };

export default function TreesPage() {
  return (
    <Suspense>
      <Trees />
    </Suspense>
  );
}
