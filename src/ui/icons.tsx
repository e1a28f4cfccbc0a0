/** Transport icons drawn as SVG, so they look the same without any icon font (offline, any OS). */
const paths = {
  reset: 'M5 4h2.5v16H5zM20 4v16L9 12z',
  back: 'M5 4h2.5v16H5zM19 4v16L9 12z',
  play: 'M7 4l13 8-13 8z',
  pause: 'M6 4h4.5v16H6zM13.5 4H18v16h-4.5z',
  step: 'M16.5 4H19v16h-2.5zM5 4l10 8-10 8z',
} as const;

export function Icon({ name }: { name: keyof typeof paths }) {
  return (
    <svg viewBox="0 0 24 24" width="1.1em" height="1.1em" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
