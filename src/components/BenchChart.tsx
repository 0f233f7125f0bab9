import useBaseUrl from '@docusaurus/useBaseUrl';
import type { ReactNode } from 'react';

/**
 * A chart that scripts/bench/chart.ts wrote under static/img/bench/. A JSX
 * image, not a Markdown one, so a page can show it only when its figures exist
 * (a Markdown image of a missing file fails the build).
 */
export default function BenchChart({ name, alt }: { name: string; alt: string }): ReactNode {
  return (
    <img
      src={useBaseUrl(`/img/bench/${name}.svg`)}
      alt={alt}
      width={760}
      loading="lazy"
      style={{ maxWidth: '100%', height: 'auto' }}
    />
  );
}
