import { Suspense } from 'react';
import { NewPasswordForm } from '@/components/NewPasswordForm';

export const metadata = { title: 'Choose a new password' };

export default function ResetPasswordPage() {
  return (
    <Suspense>
      <NewPasswordForm kind="reset" />
    </Suspense>
  );
}
