import type { Instrument, Locale, RecordedBy } from "@/lib/generated/prisma/enums";
import { formatDate, formatNumber } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";

import { DataTableDetails } from "../ui/DataTableDetails";
import { sourceLabel } from "./chart-panels";

/** Every measurement behind the charts, newest first: the charts' accessible, complete form. */
export async function OutcomeTable({
  outcomes,
  locale,
}: {
  outcomes: { id: string; date: Date; instrument: Instrument; value: number; recordedBy: RecordedBy }[];
  locale: Locale;
}) {
  const messages = await getRequestMessages();
  const text = messages.charts;
  return (
    <DataTableDetails
      summary={text.dataTable}
      columns={[text.date, text.measure, text.value, text.recordedBy]}
      rows={[...outcomes].reverse().map((row) => ({
        key: row.id,
        cells: [
          formatDate(row.date, locale),
          messages.instrument[row.instrument],
          formatNumber(row.value, locale),
          sourceLabel(row.recordedBy, messages),
        ],
      }))}
    />
  );
}
