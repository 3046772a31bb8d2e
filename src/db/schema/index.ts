export * from './courts.ts';
export * from './users.ts';
export * from './cases.ts';
export * from './documents.ts';
export * from './events.ts';
export * from './auth.ts';
export * from './filings.ts';
export * from './access.ts';
