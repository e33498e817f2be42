import { toggled } from '../components/forms/toggled';
import { EU_MEMBER_STATES } from './cra.types';
import { useCraT } from './cra-ui';

/** A checkbox for each EU member state a case concerns, and the field's error under them. */
export function MemberStatesField({ states, onChange, error }: { states: string[]; onChange: (states: string[]) => void; error?: string | undefined }) {
  const c = useCraT();
  return (
    <fieldset className="cra-states">
      <legend>{c.memberStates}</legend>
      {EU_MEMBER_STATES.map((s) => (
        <label key={s}>
          <input type="checkbox" checked={states.includes(s)} onChange={() => onChange(toggled(states, s))} /> {s}
        </label>
      ))}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
