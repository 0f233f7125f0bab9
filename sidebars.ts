import type { SidebarsConfig } from '@docusaurus/plugin-content-docs';

// The guide first, then what people ask next in production; the order is explicit rather than alphabetical.
const sidebars: SidebarsConfig = {
  guide: [
    'replication',
    'application',
    'what-lag-to-expect',
    {
      type: 'category',
      label: 'Running it in production',
      collapsed: false,
      items: [
        'monitoring',
        'failover',
        'follow-the-primary',
        'switchover',
        'sync-replication',
        'queries-cancelled',
        'hardening',
        'faults',
        'not-a-backup',
        'restore',
        'upgrade',
      ],
    },
    'how-this-guide-is-tested',
  ],
};

export default sidebars;
