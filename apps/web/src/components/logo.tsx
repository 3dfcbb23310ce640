/** The Plume mark and word; decorative mark, readable word. */
export function Logo() {
  return (
    <span className="inline-flex items-center gap-2 font-semibold text-ink">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7">
        <rect width="32" height="32" rx="8" className="fill-accent" />
        <path d="M22.5 7c-6 .5-11 5-12.5 12l-2 6h2l1.6-4.2c5.6-.2 9.6-3.6 10.9-13.8Z" className="fill-on-accent" />
      </svg>
      Plume
    </span>
  );
}
