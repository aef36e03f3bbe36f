/** A progress tick of a running file: bytes of the (uncompressed) entry read so far and records processed. */
export interface ProgressEvent {
  bytesRead: number;
  /** Uncompressed size when known (0 when not). */
  bytesTotal: number;
  records: number;
}

export type ProgressListener = (event: ProgressEvent) => void;
