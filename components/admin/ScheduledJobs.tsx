import type { Locale } from "@/lib/generated/prisma/enums";
import type { JobStatus } from "@/lib/platform/jobs/job-status";
import { MAX_ATTEMPTS } from "@/lib/platform/jobs/schedule";
import { formatMoment, formatNumber } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";

import { DetailsList } from "../ui/DetailsList";

/** Each scheduled job: what it does, how its last run went, and when it runs next. */
export async function ScheduledJobs({ jobs, locale }: { jobs: JobStatus[]; locale: Locale }) {
  const messages = await getRequestMessages();
  const text = messages.settings.scheduler;
  const moment = (value: Date) => formatMoment(value, locale, true);
  const outcome = (last: NonNullable<JobStatus["last"]>) => {
    switch (last.status) {
      case "RUNNING":
        return text.running(moment(last.startedAt));
      case "SUCCEEDED":
        return text.succeeded(moment(last.finishedAt ?? last.startedAt));
      case "FAILED":
        return text.failed(moment(last.finishedAt ?? last.startedAt), last.error ?? "?", last.attempts < MAX_ATTEMPTS);
    }
  };
  return (
    <section aria-labelledby="scheduled-jobs" className="panel stack">
      <h2 id="scheduled-jobs">{text.title}</h2>
      {jobs.map((job) => {
        const about = text.jobs[job.job as keyof typeof text.jobs];
        const summary = job.last?.status === "SUCCEEDED" ? job.last.summary : null;
        // In the catalog's order (the database keeps JSON keys in its own).
        const counts = summary
          ? Object.keys(text.summary)
              .filter((key) => key in summary)
              .map((key) => [key, summary[key]!] as const)
          : [];
        return (
          <div key={job.job} className="scheduled-job">
            <h3>{about.name}</h3>
            <p className="hint">{about.about(job.hour)}</p>
            <DetailsList
              items={[
                [text.last, job.last ? outcome(job.last) : text.never],
                ...counts.map(([key, value]): [string, string] => [text.summary[key]!, formatNumber(value, locale)]),
                [text.next, moment(job.nextAt)],
              ]}
            />
          </div>
        );
      })}
    </section>
  );
}
