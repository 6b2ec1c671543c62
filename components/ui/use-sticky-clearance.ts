"use client";
import { useCallback } from "react";

/** Room kept between a sticky element and what is brought into view below it (px). */
const GAP = 16;

/**
 * A ref for a sticky element at the top of the window: while it is on the page, the page's
 * scroll padding is as tall as it, so a control the keyboard focuses (or a link or an error
 * summary brings into view) lands below it, not under it (WCAG 2.4.11, technique C43). Follows
 * the element's height as it grows; an empty element takes no room. A callback ref, not an
 * effect: a form drawn again after a refused save (FormShell) brings a new element.
 */
export function useStickyClearance(): (element: HTMLElement | null) => (() => void) | undefined {
  return useCallback((element: HTMLElement | null) => {
    if (!element) return undefined;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      const height = element.getBoundingClientRect().height;
      root.style.scrollPaddingTop = height > 0 ? `${Math.ceil(height) + GAP}px` : "";
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = "";
    };
  }, []);
}
