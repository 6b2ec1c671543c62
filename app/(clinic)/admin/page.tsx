import Link from "next/link";

import { page } from "@/lib/platform/entry-points/page.server";

/**
 * The administration's index (usability finding 14): the clinic menu has one "Administration"
 * item, and this page lists the admin pages with a line on what each is for.
 */
export default page({ name: "/admin", access: "clinic-admin" }, async ({ messages }) => {
  const text = messages.admin.index;
  const items = [
    { href: "/admin/clinic", title: messages.clinicProfile.title, about: text.about.clinic },
    { href: "/settings", title: messages.settings.title, about: text.about.settings },
    { href: "/settings/templates", title: messages.programs.templates, about: text.about.templates },
    { href: "/admin/users", title: messages.admin.users.title, about: text.about.users },
    { href: "/admin/import", title: messages.admin.import.title, about: text.about.import },
    { href: "/admin/audit", title: messages.admin.audit.title, about: text.about.audit },
    { href: "/admin/outbox", title: messages.admin.outbox.title, about: text.about.outbox },
    { href: "/admin/backups", title: messages.admin.backups.title, about: text.about.backups },
  ];
  return (
    <>
      <h1>{text.title}</h1>
      <p className="hint">{text.intro}</p>
      <ul className="admin-index">
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} prefetch={false}>
              {item.title}
            </Link>
            <p>{item.about}</p>
          </li>
        ))}
      </ul>
    </>
  );
});
