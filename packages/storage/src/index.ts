// The private file store shared by the web server (uploads, signed downloads) and the worker (fetched logos, exports).
export type { ObjectStore, StoredObject } from './object-store';
export { LocalDirectoryStore } from './local-directory-store';
export { storageDirOf } from './storage-dir';
export { CSV, JPEG, PDF, PNG, WEBP, mediaTypeOfKey, sniffFileType, type StoredFileType } from './file-types';
export { companyLogoKey, newObjectKey, objectKeySchema, ownerOfKey } from './object-keys';
