import { Button } from '../../components/button.tsx';
import { downloadCsv, toCsv, type CsvCell } from './csv-export.ts';

interface ExportButtonProps {
  /** What the table is, for the button's accessible name ("Export followers as CSV"). */
  what: string;
  fileName: string;
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

/** Downloads a table's rows as CSV, built from the very rows the table shows. */
export function ExportButton({ what, fileName, header, rows }: ExportButtonProps) {
  return (
    <Button
      variant="secondary"
      aria-label={`Export ${what} as CSV`}
      disabled={rows.length === 0}
      onClick={() => downloadCsv(fileName, toCsv(header, rows))}
    >
      Export CSV
    </Button>
  );
}
