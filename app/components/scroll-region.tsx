/**
 * A wide table's frame: it scrolls sideways inside the page and, being focusable and named, can be scrolled by keyboard
 * (axe: scrollable-region-focusable). Guides get the same frame from the Markdown renderer.
 */
export function ScrollRegion({ label, className, id, children }: { label: string; className?: string; id?: string; children: React.ReactNode }) {
  return (
    <div className={className ? `table-scroll ${className}` : "table-scroll"} tabIndex={0} role="region" aria-label={label} id={id}>
      {children}
    </div>
  );
}
