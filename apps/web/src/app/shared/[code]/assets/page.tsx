'use client';

import { SharedAssetList } from '../SharedAssetList';

export default function SharedAssetsPage() {
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <h1 className="text-xl font-bold">Shared patents</h1>
      <SharedAssetList />
    </div>
  );
}
