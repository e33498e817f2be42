import { useLocalize, useT } from '../../i18n/i18n';
import type { AttackDraft, DraftOptions, ReferenceDraft, RequirementDraft } from './editor-api';
import { CheckGroup, EntryIdField, type ErrorsAt, FormSection, LocalizedFields, SelectField, TextField } from './fields';
import { EditableList, emptyText, TextList } from './lists';
import { MappingsTable } from './mappings-table';
import { TermPicker } from './term-picker';

/** The sections of the requirement form; each edits one part of the draft requirement. */

export interface SectionProps {
  value: RequirementDraft;
  set: <K extends keyof RequirementDraft>(key: K, v: RequirementDraft[K]) => void;
  options: DraftOptions;
  errorsAt: ErrorsAt;
}

/** Id, number, title, layers, phases, threat category, applicability. */
export function BasicsSection({ value, set, options, errorsAt, isNew }: SectionProps & { isNew: boolean }) {
  const t = useT();
  const localize = useLocalize();
  return (
    <FormSection id="editor-basics" title={t.requirement}>
      <div className="editor-row">
        <EntryIdField value={value.id} onChange={(v) => set('id', v)} isNew={isNew} error={errorsAt('id')} />
        <TextField label={t.number} value={value.number} onChange={(v) => set('number', v)} error={errorsAt('number')} />
      </div>
      <LocalizedFields label={t.title} value={value.title} onChange={(v) => set('title', v)} path="title" errorsAt={errorsAt} />
      <CheckGroup
        legend={t.layers}
        choices={options.layers.map((l) => ({ id: l.id, label: localize(l.label) }))}
        selected={value.layers}
        onChange={(v) => set('layers', v)}
        error={errorsAt('layers')}
      />
      <CheckGroup
        legend={t.phases}
        choices={options.phases.map((p) => ({ id: p.id, label: localize(p.label) }))}
        selected={value.phases}
        onChange={(v) => set('phases', v)}
        error={errorsAt('phases')}
      />
      <SelectField
        label={t.threatCategory}
        value={value.threatCategory}
        onChange={(v) => set('threatCategory', v)}
        placeholder={t.editor.chooseOne}
        // Options cannot be styled under the CSP-friendly stylesheet in every browser; indent with em spaces.
        options={options.threatCategories.map((c) => ({ id: c.id, label: `${'\u2003'.repeat(c.depth)}${localize(c.label)}` }))}
        error={errorsAt('threatCategory')}
      />
      <CheckGroup
        legend={t.editor.applicability}
        choices={options.applicability.map((a) => ({ id: a.id, label: localize(a.label) }))}
        selected={value.applicability}
        onChange={(v) => set('applicability', v)}
        error={errorsAt('applicability')}
      />
    </FormSection>
  );
}

export function CriteriaFields({ value, set, errorsAt }: SectionProps) {
  const t = useT();
  return (
    <FormSection id="editor-criteria" title={t.criteria}>
      <TextList
        itemLabel={t.editor.fields.criteria ?? t.criteria}
        items={value.criteria}
        onChange={(v) => set('criteria', v)}
        path="criteria"
        errorsAt={errorsAt}
      />
    </FormSection>
  );
}

export function InterpretationFields({ value, set, errorsAt }: SectionProps) {
  const t = useT();
  return (
    <FormSection id="editor-interpretation" title={t.interpretation}>
      <EditableList<AttackDraft>
        itemLabel={t.attack}
        items={value.interpretation}
        onChange={(v) => set('interpretation', v)}
        make={() => ({ attack: emptyText(), countermeasures: [emptyText()] })}
        path="interpretation"
        errorsAt={errorsAt}
        render={(pattern, index, update) => (
          <div className="editor-attack">
            <LocalizedFields
              label={t.editor.nth(t.attack, index + 1)}
              value={pattern.attack}
              onChange={(attack) => update({ ...pattern, attack })}
              path={`interpretation[${index}].attack`}
              errorsAt={errorsAt}
              multiline
            />
            <h3>{t.countermeasures}</h3>
            <TextList
              itemLabel={t.countermeasures}
              items={pattern.countermeasures}
              onChange={(countermeasures) => update({ ...pattern, countermeasures })}
              path={`interpretation[${index}].countermeasures`}
              errorsAt={errorsAt}
            />
          </div>
        )}
      />
    </FormSection>
  );
}

export function VerificationFields({ value, set, options, errorsAt }: SectionProps) {
  const t = useT();
  return (
    <FormSection id="editor-verification" title={t.verification}>
      <CheckGroup
        legend={t.verificationMethods}
        choices={options.verificationMethods.map((m) => ({ id: m, label: t.methods[m as keyof typeof t.methods] ?? m }))}
        selected={value.verification.methods}
        onChange={(methods) => set('verification', { ...value.verification, methods })}
        error={errorsAt('verification.methods')}
      />
      <h3>{t.verificationSteps}</h3>
      <TextList
        itemLabel={t.verificationSteps}
        items={value.verification.steps}
        onChange={(steps) => set('verification', { ...value.verification, steps })}
        path="verification.steps"
        errorsAt={errorsAt}
      />
    </FormSection>
  );
}

export function ReferenceFields({ value, set, options, errorsAt }: SectionProps) {
  const t = useT();
  return (
    <FormSection id="editor-references" title={t.references}>
      <EditableList<ReferenceDraft>
        itemLabel={t.references}
        items={value.references}
        onChange={(v) => set('references', v)}
        make={() => ({ type: 'cwe', id: '' })}
        path="references"
        errorsAt={errorsAt}
        render={(ref, index, update) => (
          <div className="editor-reference">
            <div className="editor-row">
              <SelectField
                label={t.editor.referenceType}
                value={ref.type}
                onChange={(type) => update({ ...ref, type })}
                options={options.referenceTypes.map((r) => ({ id: r, label: r }))}
                error={errorsAt(`references[${index}].type`)}
              />
              <TextField label={t.editor.referenceId} value={ref.id} onChange={(id) => update({ ...ref, id })} error={errorsAt(`references[${index}].id`)} />
            </div>
            <LocalizedFields
              label={t.editor.referenceNote}
              value={ref.note ?? emptyText()}
              onChange={(note) => update({ ...ref, note })}
              path={`references[${index}].note`}
              errorsAt={errorsAt}
            />
          </div>
        )}
      />
    </FormSection>
  );
}

export function TermFields({ value, set, options, errorsAt }: SectionProps) {
  const t = useT();
  return (
    <FormSection id="editor-terms" title={t.editor.termsUsed}>
      <TermPicker terms={options.terms} selected={value.terms} onChange={(v) => set('terms', v)} path="terms" errorsAt={errorsAt} />
    </FormSection>
  );
}

export function MappingFields({ value, set, options, errorsAt }: SectionProps) {
  const t = useT();
  return (
    <FormSection id="editor-mappings" title={t.mappings}>
      <MappingsTable mappings={value.mappings} onChange={(v) => set('mappings', v)} options={options} errorsAt={errorsAt} />
    </FormSection>
  );
}
