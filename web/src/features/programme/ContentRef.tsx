import { SegmentedControl, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ERROR_PROPS } from './labels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which content a partner's form is about: by the platform's id or Saring's, and what is wrong with it (null: nothing). */
export function useContentRef() {
  const { t } = useTranslation('programme');
  const [by, setBy] = useState<'externalId' | 'contentId'>('externalId');
  const [ref, setRef] = useState('');
  const value = ref.trim();
  const problem = !value ? t('nominate.problems.ref') : by === 'contentId' && !UUID.test(value) ? t('nominate.problems.uuid') : null;
  return { by, setBy, ref, setRef, problem, body: { [by]: value } as { externalId: string } | { contentId: string } };
}

/** The form's fields for it: which id, and the id (its problem shown once the form was tried). */
export function ContentRefFields({ state, tried }: { state: ReturnType<typeof useContentRef>; tried: boolean }) {
  const { t } = useTranslation('programme');
  const { by, setBy, ref, setRef, problem } = state;
  return (
    <>
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('nominate.by')}
        </Text>
        <SegmentedControl
          value={by}
          onChange={(v) => setBy(v as typeof by)}
          data={[
            { value: 'externalId', label: t('nominate.externalId') },
            { value: 'contentId', label: t('nominate.contentId') },
          ]}
        />
      </div>
      <TextInput label={by === 'externalId' ? t('nominate.externalId') : t('nominate.contentId')} description={t(`nominate.${by}Hint`)} value={ref} onChange={(e) => setRef(e.currentTarget.value)} required errorProps={ERROR_PROPS} error={tried && problem} />
    </>
  );
}
