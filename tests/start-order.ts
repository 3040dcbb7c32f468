/**
 * The order test files start in (`npm test`): the build tests first (the longest files, each building in a project
 * copy of its own), then the unit tests (they need no build, and run while the fixture library's is made), the
 * browser tests last (they read that build). Within each, vitest's own order (longest first when it has timed them).
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Where a project's files start: lower first. */
const RANK: Record<string, number> = { build: 0, unit: 1, 'unit-isolated': 1, e2e: 2 };

/** Vitest's sequencer with the projects in start order. */
export default class StartOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => RANK[file.project.name] ?? 1;
    return sorted.map((file, index) => ({ file, index })).sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index).map(({ file }) => file);
  }
}
