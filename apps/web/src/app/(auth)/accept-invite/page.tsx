import { Suspense } from 'react';
import { NewPasswordForm } from '@/components/NewPasswordForm';

export const metadata = { title: 'Accept your invitation' };

export default function AcceptInvitePage() {
  return (
    <Suspense>
      <NewPasswordForm kind="invite" />
    </Suspense>
  );
}
