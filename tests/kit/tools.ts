/** The PDF readers the kit tests use: a missing one fails the run with what to install (no check is ever skipped). */
import { spawnSync } from 'node:child_process'

/** Each reader with the Debian package that has it (.ci/run installs them). */
const PACKAGES: Record<string, string> = { pdftotext: 'poppler-utils', pdffonts: 'poppler-utils', pdfinfo: 'poppler-utils', pdftoppm: 'poppler-utils', qpdf: 'qpdf' }

/** Throw, naming the packages to install, unless every tool is on PATH. */
export function requireTools(...tools: (keyof typeof PACKAGES)[]): void {
  const missing = tools.filter((tool) => spawnSync('which', [tool]).status !== 0)
  if (!missing.length) return
  const packages = [...new Set(missing.map((tool) => PACKAGES[tool]))].join(' ')
  throw new Error(`${missing.join(', ')} not found: install ${packages} (sudo apt-get install ${packages}), as .ci/run does`)
}
