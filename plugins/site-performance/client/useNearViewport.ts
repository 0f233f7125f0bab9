import { type RefObject, useEffect, useState } from 'react';

/**
 * What to call when each watched element first comes near the viewport. One
 * IntersectionObserver serves every caller: a page has two watched elements
 * per code block, and one observer is far less work to set up than dozens.
 */
const onNear = new Map<Element, Set<() => void>>();
let observer: IntersectionObserver | undefined;

function sharedObserver(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) onNear.get(entry.target)?.forEach((callback) => callback());
      }
    },
    { rootMargin: '100% 0px' },
  );
  return observer;
}

function watch(target: Element, callback: () => void): () => void {
  const callbacks = onNear.get(target) ?? new Set();
  callbacks.add(callback);
  onNear.set(target, callbacks);
  sharedObserver().observe(target);
  return () => {
    callbacks.delete(callback);
    if (callbacks.size > 0) return;
    onNear.delete(target);
    sharedObserver().unobserve(target);
  };
}

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
    const unwatch = watch(target, () => {
      setNear(true);
      unwatch();
    });
    return unwatch;
  }, [element]);
  return near;
}
