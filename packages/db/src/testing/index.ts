export { createTestDatabase, ensureTestTemplate, testAdminUrl, type TestDatabase } from './template';
