/// <reference types="astro/client" />

// For plain `tsc`: Astro components are typed by Astro's own checker; here they only need to exist.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
