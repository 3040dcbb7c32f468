/** Where the four PT Sans faces come from: read by the fonts module, and by the helper thread that subsets them. */
import { createRequire } from 'node:module'
import type { FontId } from './types.ts'

const require = createRequire(import.meta.url)

/** Package paths of the plain TTFs (Fontsource ships Unicode-range slices, unusable for PDF). */
const FONT_FILES: Record<FontId, string> = {
  regular: '@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf',
  bold: '@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf',
  italic: '@expo-google-fonts/pt-sans/400Regular_Italic/PTSans_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/pt-sans/700Bold_Italic/PTSans_700Bold_Italic.ttf',
}

/** The file of a face. */
export function fontFile(id: FontId): string {
  return require.resolve(FONT_FILES[id])
}
