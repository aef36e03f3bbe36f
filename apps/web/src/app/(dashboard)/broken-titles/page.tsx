import { Suspense } from 'react';
import { BrokenTitles } from './BrokenTitles';

export const metadata = { title: 'Broken titles' };

export default function BrokenTitlesPage() {
  return (
    <Suspense>
      <BrokenTitles />
    </Suspense>
  );
}
