// Stands in, in the browser bundle only, for @docusaurus/theme-classic's client
// module that registers Prism's additional languages at start-up: that work
// happens instead on a code block's first client-side render (../theme/CodeBlock/Content).
export {};
