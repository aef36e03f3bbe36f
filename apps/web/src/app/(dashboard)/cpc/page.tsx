import { Suspense } from 'react';
import { CpcCloud } from './CpcCloud';

export const metadata = { title: 'CPC classifications' };

export default function CpcPage() {
  return (
    <Suspense>
      <CpcCloud />
    </Suspense>
  );
}
