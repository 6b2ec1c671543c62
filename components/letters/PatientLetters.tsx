import Link from "next/link";

import type { EpisodeStatus, Locale } from "@/lib/generated/prisma/enums";
import { formatDate, formatMoment } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";

/**
 * The patient page's letters: each episode's discharge letter (its latest version, signed or a
 * draft) with a link, and for a discharged episode without one, a link to write it. Nothing
 * while no course has ended: an empty panel would only push the record down the page.
 */
export async function PatientLetters({
  patientId,
  episodes,
  letters,
  locale,
}: {
  patientId: string;
  episodes: { id: string; status: EpisodeStatus; treatmentStart: Date }[];
  letters: { episodeId: string; version: number; signedAt: Date | null }[];
  locale: Locale;
}) {
  const messages = await getRequestMessages();
  const text = messages.letter;
  const byEpisode = new Map(letters.map((letter) => [letter.episodeId, letter]));
  const rows = episodes.filter((episode) => byEpisode.has(episode.id) || episode.status === "DISCHARGED");
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="letters-heading" className="panel">
      <h2 id="letters-heading">{text.listTitle}</h2>
      <ul>
        {rows.map((episode) => {
          const letter = byEpisode.get(episode.id);
          const href = `/patients/${patientId}/episodes/${episode.id}/letter`;
          const course = text.course(formatDate(episode.treatmentStart, locale));
          return (
            <li key={episode.id}>
              {letter ? (
                <Link href={href}>
                  {text.listItem(
                    text.title,
                    letter.version,
                    letter.signedAt ? text.sentOn(formatMoment(letter.signedAt, locale)) : text.statusDraft,
                  )}
                </Link>
              ) : (
                <Link href={href}>{text.write}</Link>
              )}{" "}
              <span className="hint">{course}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
