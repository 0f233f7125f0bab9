import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

// The guide first, then what people ask next in production; the order is explicit rather than alphabetical.
const sidebars: SidebarsConfig = {
  guide: [
    'replication',
    'what-lag-to-expect',
    {
      type: 'category',
      label: 'Running it in production',
      collapsed: false,
      items: ['monitoring', 'failover', 'sync-replication', 'hardening', 'faults'],
    },
    'how-this-guide-is-tested',
  ],
};

export default sidebars;
