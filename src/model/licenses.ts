/** Open content licences a lesson text may carry; the default is named once, here. */
export const LICENSES = {
  'CC-BY-SA-4.0': { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/deed.uk' },
  'CC-BY-4.0': { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.uk' },
  'CC0-1.0': { name: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/deed.uk' },
} as const;

/** A licence id (SPDX). */
export type LicenseId = keyof typeof LICENSES;

/** Every licence id. */
export const LICENSE_IDS = Object.keys(LICENSES) as [LicenseId, ...LicenseId[]];

/** The licence of a lesson that names none. */
export const DEFAULT_LICENSE: LicenseId = 'CC-BY-SA-4.0';
