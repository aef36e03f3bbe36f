import { Suspense } from 'react';
import { RecentAssignments } from './RecentAssignments';

export const metadata = { title: 'Recent transactions' };

export default function RecentAssignmentsPage() {
  return (
    <Suspense>
      <RecentAssignments />
    </Suspense>
  );
}
