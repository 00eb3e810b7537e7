import { Form, FormGroup, Radio, TextInput, Title } from '@patternfly/react-core';
import { usePluginTranslation } from '../../../i18n';
import { RESTORE_PRESETS, RESTORE_PRESET_IDS, type RestorePreset } from '../../../operand/restore';
import { FieldIssues, validatedOf, type FormIssue } from './FieldIssues';

type IntentStepProps = {
  preset: RestorePreset;
  onPreset: (preset: RestorePreset) => void;
  name: string;
  onName: (name: string) => void;
  issues: readonly FormIssue[];
};

/** Step 1: what the restore is for, each choice saying what happens to this hub and to the managed clusters. */
export const IntentStep = ({ preset, onPreset, name, onName, issues }: IntentStepProps) => {
  const { t, tm } = usePluginTranslation();
  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      <Title headingLevel="h2">{t('What should this restore do?')}</Title>
      <FormGroup role="radiogroup" isStack fieldId="restore-preset" label={t('Intent')} isRequired>
        {RESTORE_PRESET_IDS.map((id) => (
          <Radio
            key={id}
            id={`restore-preset-${id}`}
            name="restore-preset"
            isChecked={preset === id}
            onChange={() => onPreset(id)}
            label={tm(RESTORE_PRESETS[id].title)}
            description={tm(RESTORE_PRESETS[id].description)}
            data-testid={`preset-${id}`}
          />
        ))}
      </FormGroup>
      <FormGroup label={t('Name')} fieldId="restore-name" isRequired>
        <TextInput
          id="restore-name"
          value={name}
          onChange={(_e, v) => onName(v)}
          validated={validatedOf(issues, ['name'])}
        />
        <FieldIssues
          issues={issues}
          fields={['name', 'namespace']}
          help={t('A restore runs only once: each attempt needs a new name. The default carries the time, in UTC.')}
        />
      </FormGroup>
    </Form>
  );
};
