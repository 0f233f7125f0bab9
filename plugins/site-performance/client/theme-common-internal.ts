// Stands in for @docusaurus/theme-common/internal in one upstream file only, theme-classic's
// CodeBlock/Content/String.js (a module rule in ../index.ts): the same module, but for its
// useCodeWordWrap, which is ./useCodeWordWrap.ts. A module's own export wins over `export *`.
export * from '@docusaurus/theme-common/internal';
export { useCodeWordWrap } from './useCodeWordWrap';
