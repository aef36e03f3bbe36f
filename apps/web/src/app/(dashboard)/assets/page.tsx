import { Suspense } from 'react';
import { AssetList } from './AssetList';

export const metadata = { title: 'Assets' };

export default function AssetsPage() {
  return (
    <Suspense>
      <AssetList />
    </Suspense>
  );
}
