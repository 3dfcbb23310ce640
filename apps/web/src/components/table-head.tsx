interface TableHeadProps {
  columns: readonly string[];
  /** Adds a last, visually hidden "Actions" column header. */
  hasActions?: boolean;
}

/** A table header row with scoped column headers. */
export function TableHead({ columns, hasActions = false }: TableHeadProps) {
  return (
    <thead>
      <tr className="border-b border-line text-xs font-medium tracking-wide text-muted uppercase">
        {columns.map((column) => (
          <th key={column} scope="col" className="py-2 pr-4 font-medium">
            {column}
          </th>
        ))}
        {hasActions ? (
          <th scope="col" className="py-2 text-right font-medium">
            <span className="sr-only">Actions</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
