// The `hyphen` package ships no types; these are the modules the kit uses.
declare module 'hyphen/hyphen.js' {
  type Patterns = unknown
  const createHyphenator: (
    patterns: Patterns,
    options?: { hyphenChar?: string; minWordLength?: number },
  ) => (text: string) => string
  export default createHyphenator
}
declare module 'hyphen/patterns/uk.js' {
  const patterns: unknown
  export default patterns
}
declare module 'hyphen/patterns/en-gb.js' {
  const patterns: unknown
  export default patterns
}
