export interface Series {
  label: string;
  values: number[];
  className: string;
}

/**
 * A grouped bar chart drawn as SVG on the server: `role="img"` with a title and a description naming the table that
 * carries the same numbers, so screen-reader users get the data from the table.
 */
export function BarChart({ id, title, description, labels, series }: { id: string; title: string; description: string; labels: string[]; series: Series[] }) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const groupWidth = 40;
  const barWidth = Math.max(4, (groupWidth - 8) / series.length);
  const width = Math.max(320, labels.length * groupWidth + 40);
  const height = 180;
  return (
    <svg viewBox={`0 0 ${width} ${height + 40}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="bar-chart">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <line x1="30" y1={height} x2={width} y2={height} stroke="#505a5f" />
      <text x="0" y="12" fontSize="11" fill="#0b0c0c">{max}</text>
      {labels.map((label, i) => (
        <g key={label} transform={`translate(${34 + i * groupWidth},0)`}>
          {series.map((s, j) => {
            const h = Math.round(((s.values[i] ?? 0) / max) * (height - 10));
            return <rect key={s.label} x={j * barWidth} y={height - h} width={barWidth - 1} height={h} className={s.className} />;
          })}
          <text x="0" y={height + 14} fontSize="9" fill="#0b0c0c" transform={`rotate(30 0 ${height + 14})`}>{label}</text>
        </g>
      ))}
    </svg>
  );
}
