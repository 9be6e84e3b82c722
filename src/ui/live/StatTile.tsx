// One figure of the live panel: a label, a large value and an optional hint line.
export interface StatTileProps {
  testId: string;
  label: string;
  value: string;
  /** Unit shown smaller after the value. */
  unit?: string;
  hint?: string;
  hintTestId?: string;
}

export function StatTile({ testId, label, value, unit, hint, hintTestId }: StatTileProps) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd className="stat-value">
        <span data-testid={testId}>{value}</span>
        {unit ? <span className="stat-unit">{unit}</span> : null}
      </dd>
      {hint ? <dd className="stat-hint" data-testid={hintTestId}>{hint}</dd> : null}
    </div>
  );
}
