/** A stored file as read back: its bytes as a stream and its length. */
export interface StoredObject {
  body: ReadableStream<Uint8Array>;
  size: number;
}

/**
 * Private object storage (S-09): nothing in it is reachable except through the signed download route. The local
 * directory store implements it today; an S3-compatible bucket (private, no public ACL) can implement it later.
 */
export interface ObjectStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** null when the key holds nothing. */
  get(key: string): Promise<StoredObject | null>;
  /** Removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}
