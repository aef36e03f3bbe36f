import { Suspense } from 'react';
import { AssetCitations } from './AssetCitations';

export default function AssetCitationsPage() {
  return (
    <Suspense>
      <AssetCitations />
    </Suspense>
  );
}
