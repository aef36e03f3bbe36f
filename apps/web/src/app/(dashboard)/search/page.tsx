import { Suspense } from 'react';
import { Search } from './Search';

export const metadata = { title: 'Search' };

export default function SearchPage() {
  return (
    <Suspense>
      <Search />
    </Suspense>
  );
}
