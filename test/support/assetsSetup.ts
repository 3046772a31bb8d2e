import { ensureAssets } from '../../src/assets.ts';

/** A fresh clone has no compiled stylesheet or bundled scripts yet; pages and static-file tests need them. */
export default async function setup() {
  await ensureAssets();
}
