import { Suspense } from 'react';
import { Timeline } from './Timeline';

export const metadata = { title: 'Timeline' };

export default function TimelinePage() {
  return (
    <Suspense>
      <Timeline />
    </Suspense>
  );
}
