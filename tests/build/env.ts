/** The environment for a child `astro` or build process: without what vitest sets (Astro changes behaviour under VITEST). */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const key of Object.keys(env)) {
    if (/^VITEST/.test(key) || ['TEST', 'NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL'].includes(key)) delete env[key];
  }
  return env;
}
