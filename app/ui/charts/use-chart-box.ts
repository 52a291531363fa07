import { useEffect, useRef, useState } from "react";

/**
 * recharts draws nothing on the server (STACK.md §4): the chart renders only once the page is
 * hydrated, inside a box whose height is fixed by the server, at the box's measured width.
 * Returns the ref for the box and its width (0 before hydration).
 */
export function useChartBox<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.floor(element.getBoundingClientRect().width));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** Splits a label into lines of at most `maxChars` characters (words kept whole when possible), `maxLines` lines at most. */
export function wrapLabel(label: string, maxChars: number, maxLines = 3): string[] {
  // Ordinary spaces only: a no-break space (before « * ») keeps its neighbours together.
  const words = label.split(/[ \t\n]+/).filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= maxChars || !current) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1].slice(0, Math.max(1, maxChars - 1))}…`;
  return kept;
}
