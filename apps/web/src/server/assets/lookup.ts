import { AppError } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';
import { findAsset, type AssetRef } from '@patentrack/db/queries';

/** The caller's asset or a 404: another tenant's id answers exactly like an unknown one. */
export async function requireAsset(tx: Tx, assetId: string): Promise<AssetRef> {
  const asset = await findAsset(tx, assetId);
  if (!asset) throw AppError.notFound('Asset');
  return asset;
}
