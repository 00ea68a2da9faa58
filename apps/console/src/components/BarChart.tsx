/** A horizontal bar chart in plain SVG: one bar per row, the value written at its end. */
export function BarChart(props: {
  rows: { label: string; value: number; tone?: 'ok' | 'warn' | 'bad' }[];
  max?: number;
  format?: (value: number) => string;
  testId?: string;
}) {
  const max = props.max ?? Math.max(1, ...props.rows.map((r) => r.value));
  const rowHeight = 26;
  const labelWidth = 150;
  const width = 520;
  const barSpace = width - labelWidth - 70;
  return (
    <svg
      className="bar-chart"
      data-testid={props.testId}
      width={width}
      height={Math.max(rowHeight, props.rows.length * rowHeight)}
      role="img"
    >
      {props.rows.map((row, i) => {
        const w = Math.max(2, (row.value / max) * barSpace);
        return (
          <g key={`${row.label}-${i}`} transform={`translate(0, ${i * rowHeight})`}>
            <text x={labelWidth - 8} y={17} textAnchor="end" className="label">
              {row.label}
            </text>
            <rect x={labelWidth} y={5} width={w} height={16} rx={3} className={`bar ${row.tone ?? 'ok'}`} />
            <text x={labelWidth + w + 6} y={17} className="value">
              {props.format ? props.format(row.value) : row.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
