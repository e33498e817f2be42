import { useId } from 'react';
import { type Verdict, VERDICTS } from '../api/assessment.types';
import { useT } from '../i18n/i18n';
import { Options } from '../components/forms/options';

/** A verdict as text with a colour cue; the colour never carries the meaning alone. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const t = useT();
  return <span className={`verdict verdict-${verdict}`}>{t.assessments.verdicts[verdict]}</span>;
}

interface VerdictSelectProps {
  value: Verdict;
  label: string;
  onChange: (verdict: Verdict) => void;
  disabled?: boolean;
}

/** The six verdicts (判定) in the order of the workbook's drop-down. */
export function VerdictSelect({ value, label, onChange, disabled }: VerdictSelectProps) {
  const t = useT();
  const id = useId();
  return (
    <div className="field verdict-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value as Verdict)}>
        <Options of={VERDICTS} label={(v) => t.assessments.verdicts[v]} />
      </select>
    </div>
  );
}
