// Prism's language files register a grammar on the global Prism when evaluated; they export nothing.
declare module 'prismjs/components/*';
