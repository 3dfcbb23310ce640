import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount } from './analytics-format.ts';
import { seriesColor } from './chart-colors.ts';
import { formatAge, type CurveSeries } from './curve-points.ts';

/**
 * Lines over a post's age (hours since it went out). Recharts is in this file only, so the post page
 * loads it lazily. `label` is the figure's accessible summary; the card beside it has the same numbers as a table.
 */
export function TargetCurveChart({ series, label }: { series: readonly CurveSeries[]; label: string }) {
  return (
    <figure role="img" aria-label={label} className="h-56 text-muted">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
          <XAxis
            dataKey="hours"
            type="number"
            scale="sqrt"
            domain={[0, 'dataMax']}
            tickFormatter={(hours: number) => formatAge(hours)}
            tick={{ fill: 'currentColor', fontSize: 12 }}
          />
          <YAxis
            tickFormatter={(value: number) => formatCount(value)}
            tick={{ fill: 'currentColor', fontSize: 12 }}
            width={56}
          />
          <Tooltip
            labelFormatter={(hours) => (typeof hours === 'number' ? `${formatAge(hours)} after publishing` : '')}
            formatter={(value) => formatCount(Number(value))}
          />
          <Legend />
          {series.map((line, index) => (
            <Line
              key={line.key}
              data={line.points}
              dataKey="value"
              name={line.name}
              stroke={seriesColor(index)}
              strokeDasharray={line.dashed ? '5 4' : undefined}
              strokeWidth={2}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
