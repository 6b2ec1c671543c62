import Link from "next/link";

import { getRequestMessages } from "@/lib/present/i18n/locale.server";

/** Previous and next links with the current position; a missing neighbour is plain text. */
export async function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  const text = (await getRequestMessages()).caseload.pagination;
  return (
    <nav aria-label={text.label} className="pagination">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          {text.previous}
        </Link>
      ) : (
        <span aria-hidden="true">{text.previous}</span>
      )}
      <span aria-current="page">{text.pageOf(page, pageCount)}</span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next">
          {text.next}
        </Link>
      ) : (
        <span aria-hidden="true">{text.next}</span>
      )}
    </nav>
  );
}
