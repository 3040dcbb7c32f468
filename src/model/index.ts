/** The content model: bands, topics, formats, the lesson schema and the one loader. Never imports astro:*. */
export * from './bands.ts';
export * from './topics.ts';
export * from './formats.ts';
export * from './licenses.ts';
export * from './schema.ts';
export * from './components.ts';
export * from './diagnostics.ts';
export * from './mdast.ts';
export * from './load.ts';
export * from './library.ts';
export * from './helplines.ts';
export * from './facts.ts';
export * from './action-plan.ts';
export * from './pages.ts';
export * from './limits.ts';
export * from './links.ts';
