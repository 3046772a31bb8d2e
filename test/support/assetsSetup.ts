import { ensureBuild } from '../../src/build.ts';

/**
 * Pages and static files come from the release in dist/ (hashed assets, build.json): build it
 * once before the suite when the sources changed since it was last built.
 */
export default async function setup() {
  await ensureBuild();
}
