/**
 * Whether `npm run build` writes a PDF kit for every lesson at `paths.kit()`.
 * Until the kit renderer is wired into the build, lesson pages say the kit is being prepared
 * instead of linking to a file that does not exist (a test checks every internal link resolves).
 */
export const KITS_PUBLISHED = false;
