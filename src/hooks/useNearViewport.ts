import { type RefObject, useEffect, useState } from 'react';

/**
 * True once `element` comes within one viewport height of the viewport, and
 * from then on. Lets a component put off work a reader cannot see yet: it
 * happens in a small task as the place scrolls near, not in one long task
 * after hydration. Without IntersectionObserver, true at once.
 */
export function useNearViewport(element: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (!target || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return near;
}
