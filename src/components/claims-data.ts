import { usePluginData } from '@docusaurus/useGlobalData';

import type { ClaimsData } from '@site/scripts/claims/collect';

/** What plugins/claims collected at build time. */
export const useClaimsData = (): ClaimsData => usePluginData('claims') as ClaimsData;
