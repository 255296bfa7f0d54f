export interface Series {
  label: string;
  values: number[];
  className: string;
}

/**
 * Horizontal bars, one group per label: the label is text on its own line (never cut off, wraps at 390 px) and each
 * bar is a stretched SVG with its value beside it (CSP allows no inline styles). The figure is one image for assistive
 * technology, titled and described; the table under it carries the same numbers.
 */
export function BarChart(props: {
  id: string;
  title: string;
  description: string;
  labels: string[];
  series: Series[];
}) {
  const { id, title, description, labels, series } = props;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  return (
    <div className="hbar-chart" role="img" aria-labelledby={`${id}-t ${id}-d`} id={id}>
      <span id={`${id}-t`} className="visually-hidden">
        {title}
      </span>
      <span id={`${id}-d`} className="visually-hidden">
        {description}
      </span>
      <ul>
        {labels.map((label, i) => (
          <li key={`${label}-${i}`}>
            <span className="hbar-label">{label}</span>
            {series.map((s) => {
              const value = s.values[i] ?? 0;
              return (
                <span className="hbar-line" key={s.label}>
                  <svg
                    className="hbar-track"
                    viewBox="0 0 100 1"
                    preserveAspectRatio="none"
                    aria-hidden="true"
                    focusable="false"
                  >
                    <rect width={(value / max) * 100} height="1" className={s.className} />
                  </svg>
                  <span className="hbar-value">{value}</span>
                </span>
              );
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
