"use client";
import { createElement, useEffect, useRef, useState } from "react";

import type { Locale } from "@/lib/generated/prisma/enums";

import { useMessages } from "../i18n/MessagesProvider";
import type { ChartPanel, OutcomeChart } from "../records/PatientCharts";

// The chart's code (Recharts) is the portal's largest script and drawing it the page's longest
// work; on a phone the chart is screens below the day's task. So its code is fetched, and the
// chart drawn, only when the patient scrolls near it (decision record 020).
//
// Offline, a chart never drawn before has no code on the phone: the import fails. That failure
// is caught here and the page says so; an uncaught one would make Next.js reload the page, and
// the offline portal would be gone. When the phone is back online it tries again.

/** How far below the screen the chart starts loading: one screen height. */
const NEAR = "100% 0px";

const NO_MARKERS: never[] = [];

type Chart = typeof OutcomeChart;

/** True once the element has come within one screen of the viewport. */
function useNearScreen(element: React.RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (!target || near) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: NEAR },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, near]);
  return near;
}

/** The chart's component once its code is here; "failed" while it cannot be fetched. */
function useChartCode(wanted: boolean): Chart | "failed" | null {
  const [code, setCode] = useState<Chart | "failed" | null>(null);
  const loaded = typeof code === "function";
  useEffect(() => {
    if (!wanted || loaded) return;
    let live = true;
    const load = () => {
      import("../records/PatientCharts").then(
        (module) => live && setCode(() => module.OutcomeChart),
        () => live && setCode("failed"),
      );
    };
    load();
    window.addEventListener("online", load);
    return () => {
      live = false;
      window.removeEventListener("online", load);
    };
  }, [wanted, loaded]);
  return code;
}

export function ChartWhenNear({ panel, locale }: { panel: ChartPanel; locale: Locale }) {
  const unavailable = useMessages().charts.unavailableOffline;
  const frame = useRef<HTMLDivElement>(null);
  const code = useChartCode(useNearScreen(frame));
  // The component arrives as a value; its reference never changes once loaded.
  if (typeof code === "function") return createElement(code, { panel, markers: NO_MARKERS, locale });
  // The same frame and height as the chart, so nothing below it moves when it is drawn.
  if (code === "failed")
    return (
      <div className="chart outcome-chart chart-unavailable">
        <p>{unavailable}</p>
      </div>
    );
  return <div ref={frame} role="img" aria-label={panel.label} aria-busy="true" className="chart outcome-chart" />;
}
