import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

// One guide, read top to bottom: the order is explicit rather than alphabetical.
const sidebars: SidebarsConfig = {
  guide: ['replication', 'how-this-guide-is-tested'],
};

export default sidebars;
