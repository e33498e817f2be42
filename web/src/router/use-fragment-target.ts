import { useEffect, useState } from 'react';
import { useLocation } from './router';

/** The element id named by a URL fragment, or null; malformed fragments name nothing. */
function fragmentId(hash: string): string | null {
  if (!hash) return null;
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return null;
  }
}

/**
 * The element named by the URL fragment, scrolled into view once the content
 * is on screen: the browser's own fragment scroll runs before pages that load
 * their data have rendered it. Call from a component rendered with the data.
 */
export function useFragmentTarget(): string | null {
  const { hash } = useLocation();
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    const id = fragmentId(hash);
    const element = id ? document.getElementById(id) : null;
    setTarget(element ? id : null);
    element?.scrollIntoView({ block: 'start' });
  }, [hash]);
  return target;
}
