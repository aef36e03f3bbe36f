import { Suspense } from 'react';
import { AdminTransactions } from './AdminTransactions';

export const metadata = { title: 'Transactions' };

export default function AdminTransactionsPage() {
  return (
    <Suspense>
      <AdminTransactions />
    </Suspense>
  );
}
