import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db/schema and applied by the app (`sot migrate`).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
});
