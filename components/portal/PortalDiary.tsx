"use client";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";

import type { Locale } from "@/lib/generated/prisma/enums";
import { parseDateText } from "@/lib/present/forms/date-text";
import { formatDate } from "@/lib/present/i18n/format";
import type { SessionLine } from "@/lib/present/portal/session-line";

import { useMessages } from "../i18n/MessagesProvider";
import type { ChartPanel } from "../records/PatientCharts";
import { ChartWhenNear } from "./ChartWhenNear";
import {
  type EntryAnswer,
  type EntrySenders,
  flushQueue,
  onQueueChange,
  type QueuedEntry,
  submitEntry,
  waitingEntries,
} from "./entry-queue";

// What the patient logs on the portal's home page shows there at once: the page is not drawn
// again after a write (app/actions/portal.ts), so what the server stored goes here, and the
// pain buttons, the pain chart and the list of sessions read it beside what the page was drawn
// with. Entries go through the phone's queue (entry-queue.ts), sent by the actions the page
// hands in (`send`): those still waiting for a connection are listed, and sent when it returns.

export type SavedSession = { assignmentId: string; line: SessionLine };
type SavedPain = { value: number; logged: string };

type Diary = {
  todayPain: number | null;
  logged: string | null;
  saved: SavedSession[];
  waiting: QueuedEntry[];
  /** Keeps the entry on the phone and sends it: the server's answer, or "waiting". */
  submit: (entry: QueuedEntry) => Promise<EntryAnswer | "waiting">;
};

const DiaryContext = createContext<Diary | null>(null);

/** How often waiting entries are sent again while the portal is open. */
const RETRY_MS = 30_000;

export function PortalDiary({
  owner,
  today,
  todayPain,
  locale,
  send,
  children,
}: {
  owner: string;
  /** The server actions that store each kind of entry, from the page (app/actions/portal.ts). */
  send: EntrySenders;
  today: string;
  todayPain: number | null;
  locale: Locale;
  children: ReactNode;
}) {
  const messages = useMessages();
  const text = { ...messages.portal.waiting, refused: messages.error.notFound };
  const logged = todayPain === null ? null : messages.portal.morningLogged(todayPain);
  const [pain, setPain] = useState({ value: todayPain, logged });
  const [saved, setSaved] = useState<SavedSession[]>([]);
  const [waiting, setWaiting] = useState<QueuedEntry[]>([]);
  const [notAccepted, setNotAccepted] = useState<string[]>([]);

  // What a saved entry changes on the page; a refused one is named when it was sent in the background.
  const apply = useCallback(
    (entry: QueuedEntry, answer: EntryAnswer, background: boolean) => {
      if (answer?.status === "saved" && entry.kind === "pain" && entry.fields.date === today) {
        const { value, logged: sentence } = answer.saved as SavedPain;
        setPain({ value, logged: sentence });
      }
      if (answer?.status === "saved" && entry.kind === "session") {
        const session = answer.saved as SavedSession;
        setSaved((list) => [session, ...list.filter((s) => s.line.id !== session.line.id)]);
      }
      if (background && answer?.status !== "saved")
        setNotAccepted((list) => [...list, answer?.formError ?? text.refused]);
    },
    [today, text.refused],
  );

  useEffect(() => {
    const refresh = () => void waitingEntries(owner).then(setWaiting);
    const flush = () =>
      void flushQueue(owner, send).then(({ sent }) => sent.forEach(({ entry, answer }) => apply(entry, answer, true)));
    const unsubscribe = onQueueChange(refresh);
    refresh();
    flush();
    // When the phone comes back online; and now and then, for a server that was away or an answer that was lost.
    window.addEventListener("online", flush);
    const retry = window.setInterval(flush, RETRY_MS);
    return () => {
      unsubscribe();
      window.removeEventListener("online", flush);
      window.clearInterval(retry);
    };
  }, [owner, send, apply]);

  const diary = useMemo<Diary>(() => {
    // A pain entry still waiting shows as the day's value on this phone.
    const waitingPain = waiting.findLast((entry) => entry.kind === "pain" && entry.fields.date === today);
    return {
      todayPain: waitingPain ? Number(waitingPain.fields.value) : pain.value,
      logged: pain.logged,
      saved,
      waiting,
      submit: async (entry) => {
        const answer = await submitEntry(owner, entry, send);
        if (answer !== "waiting") apply(entry, answer, false);
        return answer;
      },
    };
  }, [owner, today, pain, saved, waiting, send, apply]);

  return (
    <DiaryContext value={diary}>
      {(waiting.length > 0 || notAccepted.length > 0) && (
        <section aria-labelledby="waiting-heading" className="panel notice" aria-live="polite">
          <h2 id="waiting-heading">{text.title}</h2>
          {waiting.length > 0 && (
            <ul>
              {waiting.map((entry) => (
                <li key={entry.fields.clientId}>
                  {entry.kind === "pain" ? `${text.pain}: ${entry.fields.value}` : text.session} ·{" "}
                  {waitingDay(entry.fields.date, locale)}
                </li>
              ))}
            </ul>
          )}
          {notAccepted.map((reason, i) => (
            <p key={i} role="alert">
              {text.notAccepted} {reason}
            </p>
          ))}
        </section>
      )}
      {children}
    </DiaryContext>
  );
}

export function useDiary(): Diary {
  const diary = useContext(DiaryContext);
  if (!diary) throw new Error("useDiary is used outside <PortalDiary>");
  return diary;
}

/** A program's latest sessions: those saved since the page was drawn, then the page's own, as many as the page gave. */
export function RecentSessions({ assignmentId, lines }: { assignmentId: string; lines: SessionLine[] }) {
  const none = useMessages().portal.noSessions;
  const { saved } = useDiary();
  const shown = useMemo(() => {
    const fresh = saved.filter((s) => s.assignmentId === assignmentId).map((s) => s.line);
    const ids = new Set(fresh.map((line) => line.id));
    // Dates as yyyy-mm-dd sort as text; the sort is stable, so a day's newest stays first.
    return [...fresh, ...lines.filter((line) => !ids.has(line.id))]
      .sort((a, b) => b.date.localeCompare(a.date))
      .slice(0, Math.max(lines.length, fresh.length));
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
export function PortalPainChart({ panel, today, locale }: { panel: ChartPanel; today: string; locale: Locale }) {
  const messages = useMessages();
  const diaryLabel = messages.portal.yourDiary;
  const text = { noData: messages.charts.noData };
  const { todayPain } = useDiary();
  const shown = useMemo(() => {
    if (todayPain === null) return panel;
    const t = new Date(`${today}T00:00:00Z`).getTime();
    const diary = panel.series.find((series) => series.key === "PATIENT") ?? {
      key: "PATIENT",
      label: diaryLabel,
      style: "diary" as const,
      points: [],
    };
    const points = [...diary.points.filter((point) => point.t !== t), { t, value: todayPain }];
    return { ...panel, series: [...panel.series.filter((series) => series !== diary), { ...diary, points }] };
  }, [panel, todayPain, today, diaryLabel]);
  if (shown.series.length === 0) return <p>{text.noData}</p>;
  return <ChartWhenNear panel={shown} locale={locale} />;
}

/** A waiting entry's day in the app's own format; its date is as typed (dd-mm-yyyy) or yyyy-mm-dd. */
function waitingDay(typed: string | undefined, locale: Locale): string {
  const isoDate = typed === undefined ? null : parseDateText(typed);
  return isoDate ? formatDate(new Date(`${isoDate}T00:00:00Z`), locale) : (typed ?? "");
}
