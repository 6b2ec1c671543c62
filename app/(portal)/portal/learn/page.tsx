import Link from "next/link";

import { WarningSigns } from "@/components/portal/WarningSigns";
import { page } from "@/lib/platform/entry-points/page.server";
import { clinicPainLimit } from "@/lib/server/rules/clinic-rule-settings";

/** Plain-language education about plantar heel pain (SPEC §7), in the patient's language. */
export default page({ name: "/portal/learn", access: "own-record" }, async ({ actor, db, messages }) => {
  const content = messages.education;
  const painLimit = await clinicPainLimit(db, actor);
  return (
    <article className="portal education">
      <h1>{content.title}</h1>
      <p className="lead">{content.intro}</p>
      <nav aria-label={content.title}>
        <ul>
          {content.sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.heading}</a>
            </li>
          ))}
        </ul>
      </nav>
      {content.sections.map((section) => (
        <section key={section.id} id={section.id} aria-labelledby={`${section.id}-heading`}>
          <h2 id={`${section.id}-heading`}>{section.heading}</h2>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          {section.painRule && <p>{messages.prescription.painRule(painLimit)}</p>}
        </section>
      ))}
      <WarningSigns id="contact-heading" />
      <p className="hint">{messages.education.source}</p>
      <Link href="/portal" className="button secondary large">
        {messages.education.linkBack}
      </Link>
    </article>
  );
});
