import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files that take longest, by what a run printed (7 December 2026), in the order to start
 * them. Vitest starts the files it has timings for longest first, but a fresh clone has none, and
 * then it starts the largest files first: the page sweep is three lines, so it began last and ran
 * alone for its seven minutes while the other worker sat idle.
 */
const LONGEST = [
  'test/e2e/pages.test.ts',
  'test/e2e/filing.test.ts',
  'test/e2e/cli.test.ts',
  'test/db/accessMatrix.test.ts',
  'test/db/inputFuzz.test.ts',
  'test/db/crashRecovery.test.ts',
  'test/db/benchSmoke.test.ts',
];

const rank = (spec: TestSpecification): number => {
  const at = LONGEST.findIndex((file) => spec.moduleId.endsWith(file));
  return at === -1 ? LONGEST.length : at;
};

/** Vitest's order (project by project, then by timings or size), with the known long files first in each project. */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const projectOrder = new Map<string, number>();
    for (const spec of sorted) if (!projectOrder.has(spec.project.name)) projectOrder.set(spec.project.name, projectOrder.size);
    return sorted
      .map((spec, index) => ({ spec, index }))
      .sort((a, b) => projectOrder.get(a.spec.project.name)! - projectOrder.get(b.spec.project.name)! || rank(a.spec) - rank(b.spec) || a.index - b.index)
      .map(({ spec }) => spec);
  }
}
