// Small inline SVG icons for the run bar: drawn shapes, so they look the same with any
// installed font (text glyphs such as ⏭ are missing from some systems' fonts).
export type IconName = 'run' | 'pause' | 'step' | 'reset';

const PATHS: Record<IconName, string> = {
  run: 'M4 2.5v11l9-5.5z',
  pause: 'M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z',
  step: 'M2.5 2.5v11l7-5.5zM10.5 2.5h3v11h-3z',
  reset: 'M8 2.5a5.5 5.5 0 1 1-5.2 3.7l1.8.6A3.6 3.6 0 1 0 8 4.4v2.1L4.6 3.5 8 .5z',
};

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
