import Link from "next/link";

import { saveWeeklyCheckInAction } from "@/app/actions/check-in";
import { logMorningPainAction, logSessionAction } from "@/app/actions/portal";
import { savePushSubscriptionAction, saveReminderTimesAction } from "@/app/actions/reminders";
import { CourseEnded } from "@/components/portal/CourseEnded";
import { OfflineStamp } from "@/components/portal/OfflineStamp";
import { PlanOnHold } from "@/components/portal/PlanOnHold";
import { PortalDiary, PortalPainChart, RecentSessions } from "@/components/portal/PortalDiary";
import { MorningPainForm, SessionLogForm } from "@/components/portal/PortalForms";
import { ReminderSettings } from "@/components/portal/ReminderSettings";
import { WeeklyCheckInForm } from "@/components/portal/WeeklyCheckInForm";
import { AdherenceTable, PrescriptionDetails } from "@/components/programs/PrescriptionDetails";
import { doseKind, exercisesOn } from "@/lib/clinical/programs/exercise-dose";
import { isoDate, today } from "@/lib/platform/dates";
import { page } from "@/lib/platform/entry-points/page.server";
import { PLAN_STAMP_ATTRIBUTE, planStamp } from "@/lib/platform/offline/offline-pages";
import { decimate, outcomeSeries } from "@/lib/present/charts/chart-series";
import { formatDate, formatInputNumber } from "@/lib/present/i18n/format";
import { sessionLine } from "@/lib/present/portal/session-line";
import { doseText } from "@/lib/present/programs/dose-text";
import { exerciseShortName } from "@/lib/present/programs/exercise-names";
import { heldLoadSentences } from "@/lib/present/programs/plan-text";
import { telHref } from "@/lib/server/clinics/clinic-profile";
import { sendsEmail } from "@/lib/server/email/mail-server";
import { unreadForPatient } from "@/lib/server/messages/messages";
import { getPortalOverview } from "@/lib/server/portal/portal-overview";
import { getWeeklyCheckIn } from "@/lib/server/portal/weekly-check-in";
import { pushPublicKey } from "@/lib/server/reminders/reminder-delivery";
import { getReminderTimes } from "@/lib/server/reminders/reminder-settings";

/** How the portal greets a patient: by first name. */
const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/** How many of a program's latest sessions the page lists. */
const RECENT_SESSIONS = 10;

/** About one point per 4 px of a phone-wide chart. */
const MAX_CHART_POINTS = 90;

export default page({ name: "/portal", access: "own-record" }, async ({ actor, db, messages }) => {
  const text = messages.portal;
  const day = today(actor.timeZone);
  const overview = await getPortalOverview(db, actor, day);
  const reminderTimes = overview && overview.programs.length > 0 ? await getReminderTimes(db, actor) : null;
  const reminders = messages.reminders;
  const unread = overview ? await unreadForPatient(db, actor) : 0;
  const checkIn = overview ? await getWeeklyCheckIn(db, actor, day) : null;
  const painSeries = overview
    ? outcomeSeries(overview.morningPain).map((series) => ({
        key: series.recordedBy,
        // In the patient's own words: the clinic's chart says "from the patient's diary".
        label: series.recordedBy === "PATIENT" ? text.yourDiary : text.inClinic,
        points: decimate(series.points, MAX_CHART_POINTS),
        style: series.recordedBy === "PATIENT" ? ("diary" as const) : ("clinic" as const),
      }))
    : [];
  const onHold = overview?.plan?.status === "ON_HOLD";
  const heldLoad = heldLoadSentences(overview?.plan ?? null, messages);
  // What the session form offers to log: each program with today's exercises, each with its own
  // dose (the heel raise with its load), and the heel raise's numbers to copy from.
  const loggable = (overview?.programs ?? []).map((program) => {
    const p = program.prescription;
    const load =
      p && p.suggestedLoadKg > 0
        ? messages.prescription.load(formatInputNumber(p.suggestedLoadKg, actor.locale))
        : messages.prescription.bodyWeight;
    const exercises = (p ? exercisesOn(p.phaseSpec, p.day) : []).map((exercise) => {
      const heelRaise = doseKind(exercise.exercise) === "SETS_REPS";
      const dose = doseText(exercise, messages);
      return {
        code: exercise.exercise,
        name: exerciseShortName(messages, exercise.exercise),
        dose: heelRaise ? `${dose}, ${load.toLowerCase()}` : dose,
        heelRaise,
      };
    });
    return {
      value: program.id,
      label: program.templateName,
      exercises,
      copy: p
        ? {
            sets: String(p.sets),
            reps: String(p.reps[0]),
            loadKg: p.suggestedLoadKg > 0 ? formatInputNumber(p.suggestedLoadKg, actor.locale) : "",
          }
        : { sets: "", reps: "", loadKg: "" },
    };
  });
  return (
    <div className="portal">
      <h1>{text.title}</h1>
      {!overview ? (
        <p>{text.noRecord}</p>
      ) : (
        <PortalDiary
          owner={actor.userId}
          today={isoDate(day)}
          todayPain={overview.todayPain}
          locale={actor.locale}
          send={{ pain: logMorningPainAction, session: logSessionAction }}
        >
          <OfflineStamp fetchedAt={new Date()} />
          {/* What the phone keeps for offline use is replaced when the plan changes (lib/platform/offline/service-worker.ts). */}
          <div hidden {...{ [PLAN_STAMP_ATTRIBUTE]: planStamp(overview.plan, overview.programs) }} />
          <p>
            {text.greeting(firstName(overview.patient.name))} {text.clinician(overview.patient.clinician.name)}
          </p>
          <p>
            <Link href="/portal/learn#contact-heading">{text.warningSignsLink}</Link>
          </p>
          {unread > 0 && (
            <p className="notice" role="status">
              {messages.conversation.unreadFromClinic(unread)}{" "}
              <Link href="/portal/messages">{messages.conversation.open}</Link>
            </p>
          )}
          {overview.ended && <CourseEnded ended={overview.ended} locale={actor.locale} />}
          {/* A plan on hold says what to do instead, before anything else. */}
          {onHold && overview.plan && <PlanOnHold plan={overview.plan} clinicPhone={overview.patient.clinic.phone} />}
          {/* The daily task first: on a phone it is on the first screen; today's exercise and its log follow. */}
          {overview.episodeId && (
            <section aria-labelledby="morning-heading" className="panel">
              <h2 id="morning-heading">{text.morningTitle}</h2>
              {!onHold && overview.trainedYesterday && overview.todayPain === null && (
                <p className="notice">{text.morningAfterSession}</p>
              )}
              <MorningPainForm today={isoDate(day)} />
            </section>
          )}
          {overview.programs.length === 0 && !overview.ended && <p>{text.noPlanYet}</p>}
          {!onHold &&
            overview.programs.map((program) => (
              <section key={program.id} aria-labelledby={`today-${program.id}`} className="panel">
                {/* Each card names its program, so two programs at once are told apart. */}
                <h2 id={`today-${program.id}`}>
                  {text.today}: {program.templateName}
                </h2>
                {program.prescription?.completed && (
                  <div className="notice">
                    <p>{text.completed[program.kind](program.prescription.totalWeeks)}</p>
                  </div>
                )}
                {program.prescription ? (
                  <PrescriptionDetails
                    prescription={program.prescription}

                    locale={actor.locale}
                    plainWording
                    heldLoad={heldLoad}
                  />
                ) : (
                  <p>{messages.programs.notStarted(formatDate(program.startDate, actor.locale))}</p>
                )}
              </section>
            ))}

          {!onHold && overview.programs.length > 0 && (
            <section aria-labelledby="session-heading" className="panel">
              <h2 id="session-heading">{text.sessionTitle}</h2>
              <SessionLogForm programs={loggable} today={isoDate(day)} />
            </section>
          )}

          {/* The weekly check-in after the day's exercise: the plan is what the patient opens the portal for. */}
          {checkIn?.due && (
            <section aria-labelledby="check-in-heading" className="panel">
              <h2 id="check-in-heading">{messages.checkIn.title}</h2>
              <p>{messages.checkIn.intro}</p>
              <WeeklyCheckInForm action={saveWeeklyCheckInAction} activities={checkIn.activities} />
            </section>
          )}

          <section aria-labelledby="progress-heading" className="panel">
            <h2 id="progress-heading">{text.progressTitle}</h2>
            {checkIn && !checkIn.due && checkIn.nextDate && (
              <p>
                {(checkIn.lastDate ? messages.checkIn.done : messages.checkIn.first)(
                  formatDate(checkIn.nextDate, actor.locale),
                )}
              </p>
            )}
            <h3 id="pain-chart-heading">{text.painChartTitle}</h3>
            <p className="hint">{text.painChartIntro}</p>
            <PortalPainChart
              panel={{
                key: "pain",
                label: text.painChart,
                max: 10,
                series: painSeries,
                baseline: null,
                yLabel: messages.charts.painAxis,
              }}
              today={isoDate(day)}

              locale={actor.locale}
            />
            {overview.programs.map((program) => (
              <div key={program.id}>
                {program.prescription && <AdherenceTable prescription={program.prescription} />}
                <h3>{text.recentSessions}</h3>
                <RecentSessions
                  assignmentId={program.id}
                  lines={program.sessions
                    .slice(0, RECENT_SESSIONS)
                    .map((session) => sessionLine(session, messages, actor.locale))}
                />
              </div>
            ))}
          </section>

          {reminderTimes && (
            <section aria-labelledby="reminders-heading" className="panel">
              <h2 id="reminders-heading">{reminders.title}</h2>
              <ReminderSettings
                action={saveReminderTimesAction}
                keepPush={savePushSubscriptionAction}
                times={reminderTimes}
                vapidPublicKey={pushPublicKey()}
                email={sendsEmail() ? actor.email : null}
              />
            </section>
          )}

          <nav aria-label={text.title} className="portal-links">
            {/* A question that cannot wait for a message: the clinic's phone, one tap away (admin/clinic). */}
            {overview.patient.clinic.phone && (
              <a href={telHref(overview.patient.clinic.phone)} className="button secondary large">
                {messages.clinicProfile.callClinic}: {overview.patient.clinic.phone}
              </a>
            )}
            {overview.programs.length > 0 && (
              <Link href="/portal/handout" className="button secondary large">
                {text.handout}
              </Link>
            )}
            <Link href="/portal/messages" className="button secondary large">
              {unread > 0
                ? `${messages.conversation.title} (${messages.conversation.unread(unread)})`
                : messages.conversation.title}
            </Link>
            <Link href="/portal/learn" className="button secondary large">
              {text.learn}
            </Link>
            <Link href="/portal/record" className="button secondary large">
              {text.record}
            </Link>
            <a href="/portal/record/fhir" className="button secondary large" download>
              {text.recordFhir}
            </a>
          </nav>
        </PortalDiary>
      )}
    </div>
  );
});
