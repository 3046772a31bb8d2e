import { ensureStylesheet } from '../../src/assets.ts';

/** A fresh clone has no compiled stylesheet yet; pages and static-file tests need it. */
export default async function setup() {
  await ensureStylesheet();
}
