import type { ReactNode } from 'react';
import { AssetFrame } from './AssetHeader';

/** `/assets/[id]/*`: tabs are sub-routes (B2.3). */
export default function AssetLayout({ children }: { children: ReactNode }) {
  return <AssetFrame>{children}</AssetFrame>;
}
