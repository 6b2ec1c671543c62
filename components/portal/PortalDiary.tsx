"use client";
import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import type { Locale } from "@/lib/generated/prisma/enums";
import type { SessionLine } from "@/lib/portal/session-line";
import { type ChartPanel, OutcomeChart } from "../records/PatientCharts";

// What the patient logs on the portal's home page shows there at once: the page is not drawn
// again after a write (app/actions/portal.ts), so the forms put what the server stored here,
// and the pain chart and the list of sessions read it beside what the page was drawn with.

export type SavedSession = { assignmentId: string; line: SessionLine };
type Diary = { todayPain: number | null; saved: SavedSession[]; setTodayPain: (value: number) => void; addSession: (session: SavedSession) => void };

const DiaryContext = createContext<Diary | null>(null);

export function PortalDiary({ todayPain, children }: { todayPain: number | null; children: ReactNode }) {
  const [pain, setTodayPain] = useState(todayPain);
  const [saved, setSaved] = useState<SavedSession[]>([]);
  const diary = useMemo(
    () => ({ todayPain: pain, saved, setTodayPain, addSession: (session: SavedSession) => setSaved((list) => [session, ...list.filter((s) => s.line.id !== session.line.id)]) }),
    [pain, saved],
  );
  return <DiaryContext value={diary}>{children}</DiaryContext>;
}

export function useDiary(): Diary {
  const diary = useContext(DiaryContext);
  if (!diary) throw new Error("useDiary is used outside <PortalDiary>");
  return diary;
}

/** A program's latest sessions: those saved since the page was drawn, then the page's own, as many as the page gave. */
export function RecentSessions({ assignmentId, lines, none }: { assignmentId: string; lines: SessionLine[]; none: string }) {
  const { saved } = useDiary();
  const shown = useMemo(() => {
    const fresh = saved.filter((s) => s.assignmentId === assignmentId).map((s) => s.line);
    const ids = new Set(fresh.map((line) => line.id));
    // Dates as yyyy-mm-dd sort as text; the sort is stable, so a day's newest stays first.
    return [...fresh, ...lines.filter((line) => !ids.has(line.id))].sort((a, b) => b.date.localeCompare(a.date)).slice(0, Math.max(lines.length, fresh.length));
  }, [saved, assignmentId, lines]);
  if (shown.length === 0) return <p>{none}</p>;
  return (
    <ul className="session-list">
      {shown.map((line) => (
        <li key={line.id}>{line.text}</li>
      ))}
    </ul>
  );
}

/** The first-step pain chart, with today's value as the patient last logged it. */
export function PortalPainChart({ panel, today, diaryLabel, locale, noData }: { panel: ChartPanel; today: string; diaryLabel: string; locale: Locale; noData: string }) {
  const { todayPain } = useDiary();
  const shown = useMemo(() => {
    if (todayPain === null) return panel;
    const t = new Date(`${today}T00:00:00Z`).getTime();
    const diary = panel.series.find((series) => series.key === "PATIENT") ?? { key: "PATIENT", label: diaryLabel, style: "diary" as const, points: [] };
    const points = [...diary.points.filter((point) => point.t !== t), { t, value: todayPain }];
    return { ...panel, series: [...panel.series.filter((series) => series !== diary), { ...diary, points }] };
  }, [panel, todayPain, today, diaryLabel]);
  if (shown.series.length === 0) return <p>{noData}</p>;
  return <OutcomeChart panel={shown} markers={NO_MARKERS} locale={locale} />;
}

const NO_MARKERS: never[] = [];
