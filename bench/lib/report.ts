// Machine description and the shared docs/benchmarks.md, where each benchmark owns a marked section.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export type Machine = { cpu: string; cores: number; memoryGiB: number; os: string; node: string; loadAverage: string };

export function describeMachine(): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: keep os.cpus()
  }
  return {
    cpu,
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' / '),
  };
}

/** A Markdown table: first row is the header. */
export function markdownTable(rows: string[][]): string {
  const [header, ...body] = rows;
  if (!header) return '';
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
}

/** The same table for a terminal, columns padded. */
export function textTable(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const fileIntro = `# Benchmarks

Written by the \`npm run bench:*\` scripts; each owns the section between its markers. The machine is
shared and noisy, so each section gives medians and a ratio against a baseline measured in the same run.
`;

/** Replaces this benchmark's section of `file` (between its markers), creating the file or section if missing. */
export function writeSection(file: string, name: string, content: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const section = `${start}\n${content.trim()}\n${end}`;
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : fileIntro;
  const from = existing.indexOf(start);
  const to = existing.indexOf(end);
  const updated =
    from >= 0 && to > from
      ? `${existing.slice(0, from)}${section}${existing.slice(to + end.length)}`
      : `${existing.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, updated);
}

/** Formats `file` with the repository's Prettier settings, so the written section passes `npm run lint`. */
export async function formatWithPrettier(file: string): Promise<void> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(readFileSync(file, 'utf8'), { ...options, filepath: file }));
}
