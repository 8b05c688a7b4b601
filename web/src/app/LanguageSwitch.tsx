import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { useSavePreferences } from './preferences';
import { useSession } from './session';

/** Bahasa Indonesia / English: remembered on this browser and, for a person signed in, with their preferences. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const save = useSavePreferences();
  const choose = (language: Language) => {
    void setLanguage(language);
    if (session) save.mutate({ language });
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language}
      onChange={(value) => choose(value as Language)}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`language.short.${language}`) }))}
    />
  );
}
