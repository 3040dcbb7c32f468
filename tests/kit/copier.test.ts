/**
 * Kits a teacher can trust at the copier (issue 12), on the fixture library: every kit and pupil pack rendered and read
 * back (the checks: tests/kit/copier-suite.ts). The real library's published kits: tests/real/copier.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { copierChecks, copierOf, renderInto } from './copier-suite.ts';

const copier = copierOf('tests/fixtures/library');
const dir = mkdtempSync(join(tmpdir(), 'copier-'));

beforeAll(() => renderInto(copier, dir), 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

copierChecks(copier);
