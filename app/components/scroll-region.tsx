/**
 * A wide table's frame: it scrolls sideways inside the page and, being focusable and named, can be scrolled by keyboard
 * (axe: scrollable-region-focusable). Guides get the same frame from the Markdown renderer.
 */
export function ScrollRegion(props: { label: string; className?: string; id?: string; children: React.ReactNode }) {
  const { label, className, id, children } = props;
  const classes = className ? `table-scroll ${className}` : "table-scroll";
  return (
    <div className={classes} tabIndex={0} role="region" aria-label={label} id={id}>
      {children}
    </div>
  );
}
