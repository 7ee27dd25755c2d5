/** Small stroke icons for the viewer's toolbar (decorative: every button also has a name). */
const PATHS = {
  minus: "M5 12h14",
  plus: "M12 5v14M5 12h14",
  fit: "M3 12h18M7 8l-4 4 4 4M17 8l4 4-4 4",
  up: "M6 15l6-6 6 6",
  down: "M6 9l6 6 6-6",
  download: "M12 4v11M7 10l5 5 5-5M5 20h14",
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
