import Link from "next/link";

/** Previous and next links with the current position; a missing neighbour is plain text. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  text,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  text: { label: string; previous: string; next: string; pageOf: (page: number, count: number) => string };
}) {
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
