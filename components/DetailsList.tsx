/** Terms and their values, laid out in a grid. */
export function DetailsList({ items }: { items: [string, string][] }) {
  return (
    <dl className="details">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
