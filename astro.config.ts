import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { lessonKits } from './src/site/integration.ts';

// Every internal URL is made relative after the build (src/site/relative-urls.ts), so the same
// build works from any sub-path or a USB stick; pages are folders with index.html.
export default defineConfig({
  integrations: [mdx(), lessonKits()],
  build: { format: 'directory' },
  trailingSlash: 'always',
  prefetch: false,
  devToolbar: { enabled: false },
  image: { layout: 'constrained' },
});
