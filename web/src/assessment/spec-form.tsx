import { apiPath } from '../api/client';
import type { StandardList, Taxonomy } from '../api/browse.types';
import { useApi } from '../api/use-api';
import type { CoverageFilterOptions } from '../components/coverage/coverage.types';
import { CheckboxGroup } from '../components/forms/checkbox-group';
import { LabelledSelect } from '../components/forms/labelled-select';
import { problemText } from '../components/status';
import { useEdition } from '../edition/edition';
import { labelFor, useLocalize, useT } from '../i18n/i18n';
import { useSession } from '../session/session';
import type { SpecState } from './checksheet-spec';
import type { PreviewState } from './use-preview';

interface SpecFormProps {
  spec: SpecState;
  onChange: (spec: SpecState) => void;
  preview: PreviewState;
}

/** The standard's own filters (SL, component type, mandatory), as its coverage report offers them. */
function TargetFilters({ spec, onChange }: Omit<SpecFormProps, 'preview'>) {
  const t = useT();
  const who = useSession().user?.id ?? '';
  const coverage = useApi<{ filterOptions: CoverageFilterOptions }>(spec.standard ? apiPath('editions', spec.editionId, 'coverage', spec.standard) : null, who);
  if (!spec.standard || coverage.status !== 'ok') return null;
  const options = coverage.data.filterOptions;
  return (
    <>
      {options.securityLevels.length > 0 ? (
        <LabelledSelect
          label={t.checksheets.securityLevel}
          value={spec.sl}
          empty={t.checksheets.any}
          choices={options.securityLevels.map((l) => [String(l), `SL ${l}`])}
          onChange={(sl) => onChange({ ...spec, sl })}
        />
      ) : null}
      {options.componentTypes.length > 0 ? (
        <LabelledSelect
          label={t.checksheets.componentType}
          value={spec.componentType}
          empty={t.checksheets.any}
          choices={options.componentTypes.map((c) => [c, labelFor(t.coverage.componentTypes, c)])}
          onChange={(componentType) => onChange({ ...spec, componentType })}
        />
      ) : null}
      {options.statuses.includes('mandatory') ? (
        <label className="check-option">
          <input type="checkbox" checked={spec.mandatoryOnly} onChange={(event) => onChange({ ...spec, mandatoryOnly: event.target.checked })} />
          <span>{t.checksheets.mandatoryOnly}</span>
        </label>
      ) : null}
    </>
  );
}

function PreviewLine({ preview }: { preview: PreviewState }) {
  const t = useT();
  const text =
    preview.status === 'ok'
      ? preview.count === 0
        ? t.checksheets.previewNone
        : t.checksheets.preview(preview.count, preview.excluded)
      : preview.status === 'error'
        ? problemText(t, preview.error)
        : t.checksheets.previewing;
  return (
    <p className={preview.status === 'error' ? 'preview-line field-error' : 'preview-line'} role="status" aria-live="polite">
      {text}
    </p>
  );
}

/** Edition, layers, phases, applicability profile and target standard: what a checksheet is built from. */
export function SpecForm({ spec, onChange, preview }: SpecFormProps) {
  const t = useT();
  const localize = useLocalize();
  const who = useSession().user?.id ?? '';
  const { editions } = useEdition();
  const taxonomy = useApi<Taxonomy>(spec.editionId ? apiPath('editions', spec.editionId, 'taxonomy') : null, who);
  const standards = useApi<StandardList>(spec.editionId ? apiPath('editions', spec.editionId, 'standards') : null, who);
  const tax = taxonomy.status === 'ok' ? taxonomy.data : null;
  const profile = spec.profile;

  return (
    <fieldset className="spec-form">
      <legend>{t.checksheets.scopeTitle}</legend>
      <LabelledSelect
        label={t.checksheets.edition}
        value={spec.editionId}
        empty={null}
        choices={editions.status === 'ok' ? editions.data.editions.map((e) => [e.id, `${e.id} ${localize(e.title)}`]) : []}
        onChange={(editionId) => onChange({ ...spec, editionId, profile: null, standard: '', sl: '', componentType: '', mandatoryOnly: false })}
      />
      {tax ? (
        <>
          <CheckboxGroup
            legend={t.checksheets.layers}
            choices={tax.layers.map((l) => ({ id: l.id, label: localize(l.label) }))}
            selected={spec.layers}
            onChange={(layers) => onChange({ ...spec, layers })}
          />
          <CheckboxGroup
            legend={t.checksheets.phases}
            choices={tax.phases.map((p) => ({ id: p.id, label: localize(p.label) }))}
            selected={spec.phases}
            onChange={(phases) => onChange({ ...spec, phases })}
          />
          <fieldset className="field check-group">
            <legend>{t.checksheets.profile}</legend>
            <label className="check-option">
              <input type="checkbox" checked={profile !== null} onChange={(event) => onChange({ ...spec, profile: event.target.checked ? [] : null })} />
              <span>{t.checksheets.profileToggle}</span>
            </label>
            <p className="field-hint">{t.checksheets.profileHint}</p>
            <div className="check-options">
              {tax.applicability.map((c) => (
                <label key={c.id} className="check-option">
                  <input
                    type="checkbox"
                    disabled={profile === null}
                    checked={profile?.includes(c.id) ?? false}
                    onChange={(event) => {
                      const next = new Set(profile ?? []);
                      if (event.target.checked) next.add(c.id);
                      else next.delete(c.id);
                      onChange({ ...spec, profile: tax.applicability.map((a) => a.id).filter((a) => next.has(a)) });
                    }}
                  />
                  <span>{localize(c.label)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </>
      ) : null}
      <LabelledSelect
        label={t.checksheets.standard}
        value={spec.standard}
        empty={t.checksheets.noStandard}
        choices={standards.status === 'ok' ? standards.data.standards.map((s) => [s.id, localize(s.title)]) : []}
        onChange={(standard) => onChange({ ...spec, standard, sl: '', componentType: '', mandatoryOnly: false })}
      />
      <TargetFilters spec={spec} onChange={onChange} />
      <PreviewLine preview={preview} />
    </fieldset>
  );
}
