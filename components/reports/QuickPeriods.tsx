import Link from "next/link";

import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import { QUICK_PERIODS, quickPeriods, reportSearch } from "@/lib/server/reports/report-query";

/** One link per common period, keeping the chosen clinician; the period shown is marked current. */
export async function QuickPeriods({
  today,
  current,
}: {
  today: Date;
  current: { from: string; to: string; clinician: string };
}) {
  const text = (await getRequestMessages()).reports;
  const periods = quickPeriods(today);
  return (
    <nav aria-label={text.quickPeriods} className="quick-periods no-print">
      <ul>
        {QUICK_PERIODS.map((key) => {
          const period = periods[key];
          const isCurrent = period.from === current.from && period.to === current.to;
          return (
            <li key={key}>
              <Link
                href={`/reports${reportSearch({ ...period, clinician: current.clinician })}`}
                aria-current={isCurrent ? "page" : undefined}
              >
                {text.periods[key]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
