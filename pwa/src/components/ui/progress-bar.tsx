export interface ProgressBarProps {
  value: number;
  max?: number;
  label: string;
  className?: string;
}

/** A labelled progress bar (role progressbar, value announced). */
export function ProgressBar({ value, max = 100, label, className = "" }: ProgressBarProps) {
  const clamped = Math.max(0, Math.min(max, value));
  const percent = max > 0 ? Math.round((clamped / max) * 100) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={clamped}
      aria-valuetext={`${percent}%`}
      className={`h-2 w-full overflow-hidden rounded-full bg-slate-200 ${className}`}
    >
      <div className="h-full rounded-full bg-brand-600 transition-[width] duration-300" style={{ width: `${percent}%` }} />
    </div>
  );
}
