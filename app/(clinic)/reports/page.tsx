import { QuickPeriods } from "@/components/reports/QuickPeriods";
import { AdherenceChart, ImprovementChart, RecoveryChart, WeeklyPainChart } from "@/components/reports/ReportCharts";
import { ReportFilters } from "@/components/reports/ReportFilters";
import { ReportTableView } from "@/components/reports/ReportTableView";
import { SourceList } from "@/components/SourceList";
import { PrintButton } from "@/components/ui/PrintButton";
import { REFERENCE_SOURCE } from "@/lib/clinical/reports/recovery";
import { can } from "@/lib/platform/auth/permissions";
import { isoDate, today } from "@/lib/platform/dates";
import { page } from "@/lib/platform/entry-points/page.server";
import { errorTexts } from "@/lib/present/forms/error-text";
import { formatDate, formatNumber } from "@/lib/present/i18n/format";
import { type ReportTableKey, reportTables } from "@/lib/present/reports/report-tables";
import { clinicReport, reportClinicians } from "@/lib/server/reports/clinic-report";
import { defaultPeriod, reportSearch, ZReportSearch } from "@/lib/server/reports/report-query";

/** The clinic report (SPEC §7): admins for the clinic or one clinician, clinicians for their own caseload. */
export default page(
  { name: "/reports", access: "clinic-patients", search: ZReportSearch },
  async ({ actor, db, reader, messages, search }) => {
    const text = messages.reports;
    const day = today(actor.timeZone);
    const values = {
      ...defaultPeriod(day),
      ...Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)),
      clinician: search.clinician ?? "",
    };
    const isAdmin = can(actor, "clinic-admin");
    const [result, clinicians, clinic] = await Promise.all([
      clinicReport(reader, actor, values, isoDate(day)),
      isAdmin ? reportClinicians(db, actor) : null,
      db.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { name: true } }),
    ]);
    const errors = result.status === "invalid" ? errorTexts(result.fieldErrors, messages) : {};
    const heading = (
      <div className="page-heading">
        <h1>{text.title}</h1>
        {result.status === "ok" && <PrintButton label={text.print} />}
      </div>
    );
    if (result.status === "invalid") {
      return (
        <div className="wide-page">
          {heading}
          <ReportFilters values={values} errors={errors} clinicians={clinicians} />
          <QuickPeriods today={day} current={values} />
          <p role="alert" className="form-error">
            {text.invalid}
          </p>
        </div>
      );
    }
    const { report } = result;
    const tables = reportTables(report, messages);
    const csv = (key: ReportTableKey) => `/reports/export${reportSearch(report.query)}&table=${key}`;
    const tableOf = (key: ReportTableKey) => (
      <ReportTableView table={tables[key]} csvHref={csv(key)} locale={actor.locale} />
    );
    const who = isAdmin ? (clinicians?.find((c) => c.id === report.query.clinician)?.name ?? null) : actor.name;
    const date = (ymd: string) => formatDate(new Date(`${ymd}T00:00:00Z`), actor.locale);
    const number = (value: number) => formatNumber(value, actor.locale, 1);

    return (
      <div className="wide-page">
        {heading}
        <p className="hint no-print">{text.intro}</p>
        <ReportFilters values={report.query} errors={{}} clinicians={clinicians} />
        <QuickPeriods today={day} current={report.query} />
        <div className="report">
          <p className="report-scope">
            <strong>{text.scope(clinic.name, date(report.query.from), date(report.query.to), who)}</strong>
            {text.asOf(date(report.asOf))}
          </p>
          {report.pending > 0 && (
            <p className="notice" role="status">
              {text.pending(report.pending)}
            </p>
          )}
          {report.episodes.started === 0 ? (
            <p className="empty-state">{text.empty}</p>
          ) : (
            <>
              <p className="hint">{text.suppressed}</p>
              <section aria-labelledby="episodes-heading" className="report-section">
                <h2 id="episodes-heading">{text.episodes.title}</h2>
                {tableOf("episodes")}
              </section>

              <section aria-labelledby="improvement-heading" className="report-section">
                <h2 id="improvement-heading">{text.improvement.title}</h2>
                <p className="hint">{text.improvement.about(number(report.judgeableDays))}</p>
                <ImprovementChart
                  milestones={report.milestones.map((m) => ({
                    weeks: m.weeks,
                    improved: m.improved,
                    notImproved: m.notImproved,
                    notJudgeable: m.notJudgeable,
                  }))}
                />
                {tableOf("improvement")}
                <h3>{text.improvement.instruments}</h3>
                {tableOf("instruments")}
              </section>

              <section aria-labelledby="recovery-heading" className="report-section">
                <h2 id="recovery-heading">{text.recovery.title}</h2>
                <p className="hint">{text.recovery.about(number(report.recoveredPain))}</p>
                <p>{text.recovery.summary(report.recovery.recovered, report.recovery.followed)}</p>
                <RecoveryChart
                  steps={report.recovery.steps.flatMap((s) =>
                    s.share === null ? [] : [{ week: s.week, share: s.share }],
                  )}
                  points={report.recovery.references.map((point) => ({
                    fromWeek: point.fromWeek,
                    toWeek: point.toWeek,
                    expected: point.expected,
                    atLeast: point.atLeast,
                  }))}
                />
                <h3>{text.recovery.references}</h3>
                {tableOf("expected")}
                <p className="hint">{text.recovery.referenceSource}</p>
                <SourceList sources={[REFERENCE_SOURCE]} clinicDefault="" />
                <details className="disclosure report-details" open>
                  <summary>{text.chartTable}</summary>
                  {tableOf("recovery")}
                </details>
              </section>

              <section aria-labelledby="pain-heading" className="report-section">
                <h2 id="pain-heading">{text.pain.title}</h2>
                <p className="hint">{text.pain.about}</p>
                <WeeklyPainChart
                  weeks={report.weeklyPain.flatMap((w) =>
                    w.median === null
                      ? []
                      : [
                          {
                            week: w.week,
                            median: w.median,
                            band: [w.lowerQuartile!, w.upperQuartile!] as [number, number],
                          },
                        ],
                  )}
                />
                {tableOf("pain")}
              </section>

              <section aria-labelledby="adherence-heading" className="report-section">
                <h2 id="adherence-heading">{text.adherence.title}</h2>
                <p className="hint">{text.adherence.about}</p>
                <AdherenceChart episodes={report.adherence.bands} />
                {tableOf("adherence")}
              </section>

              <section aria-labelledby="flags-heading" className="report-section">
                <h2 id="flags-heading">{text.flags.title}</h2>
                <p className="hint">{text.flags.about}</p>
                {tableOf("flags")}
              </section>

              <section aria-labelledby="interventions-heading" className="report-section">
                <h2 id="interventions-heading">{text.interventions.title}</h2>
                <p>{text.interventions.redFlags(report.flags.find((f) => f.code === "RED_FLAG")?.episodes ?? 0)}</p>
                <p className="hint">{text.interventions.about}</p>
                {report.interventions.length === 0 ? <p>{text.interventions.none}</p> : tableOf("interventions")}
              </section>
            </>
          )}
        </div>
      </div>
    );
  },
);
