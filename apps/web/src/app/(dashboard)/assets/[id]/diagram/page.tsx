import { Suspense } from 'react';
import { AssetDiagram } from './AssetDiagram';

export const metadata = { title: 'Ownership diagram' };

export default function AssetDiagramPage() {
  return (
    <Suspense>
      <AssetDiagram />
    </Suspense>
  );
}
