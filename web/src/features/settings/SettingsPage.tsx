import { Alert, Button, Group, Paper, PasswordInput, Select, Slider, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { usePreferences, useSavePreferences, type PreferenceChange } from '../../app/preferences';
import { errorText } from '../../components/errors';

/** Time zones of Indonesia, and UTC. */
const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'UTC'] as const;

/** The person's own console settings: language, time zone, how media is shown; their password. */
export function SettingsPage() {
  const { t } = useTranslation(['settings', 'common', 'session']);
  const preferences = usePreferences();
  const saving = useSavePreferences();
  const save = (change: PreferenceChange) =>
    saving.mutate(change, {
      onSuccess: () => notifications.show({ message: t('saved') }),
      onError: (err) => notifications.show({ color: 'red', message: errorText(t, err) }),
    });

  return (
    <Stack maw={640}>
      <Title order={1}>{t('title')}</Title>
      <Paper withBorder p="md">
        <Stack>
          <Title order={2} size="h4">
            {t('display')}
          </Title>
          <Group justify="space-between">
            <Text id="language-label">{t('common:language.label')}</Text>
            <LanguageSwitch />
          </Group>
          <Select
            label={t('timeZone')}
            value={preferences.timeZone}
            data={TIME_ZONES.map((zone) => ({ value: zone, label: t(`zones.${zone.replace('/', '_')}`) }))}
            onChange={(value) => value && save({ timeZone: value })}
            allowDeselect={false}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack>
          <Title order={2} size="h4">
            {t('media')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('mediaIntro')}
          </Text>
          <div>
            <Text size="sm" id="blur-label">
              {t('blur')}
            </Text>
            <Slider
              aria-labelledby="blur-label"
              thumbLabel={t('blur')}
              min={0}
              max={100}
              step={10}
              defaultValue={preferences.mediaBlur}
              key={preferences.mediaBlur}
              onChangeEnd={(value) => save({ mediaBlur: value })}
              marks={[{ value: 0, label: t('blurNone') }, { value: 100, label: t('blurStrong') }]}
              mb="md"
            />
          </div>
          <Switch label={t('greyscale')} checked={preferences.greyscale} onChange={(e) => save({ greyscale: e.currentTarget.checked })} />
          <Switch label={t('autoplay')} checked={preferences.autoplay} onChange={(e) => save({ autoplay: e.currentTarget.checked })} />
          <Switch label={t('muted')} checked={preferences.mute} onChange={(e) => save({ mute: e.currentTarget.checked })} />
        </Stack>
      </Paper>
      <PasswordForm />
    </Stack>
  );
}

function PasswordForm() {
  const { t } = useTranslation(['settings', 'session', 'common']);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await data(api.POST('/v1/me/password', { body: { currentPassword: current, newPassword: next } }));
      setCurrent('');
      setNext('');
      notifications.show({ message: t('session:password.changed') });
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={(e: FormEvent) => void submit(e)}>
      <Stack>
        <Title order={2} size="h4">
          {t('session:password.title')}
        </Title>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <PasswordInput label={t('session:password.current')} autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.currentTarget.value)} />
        <PasswordInput label={t('session:password.new')} description={t('session:password.rule')} autoComplete="new-password" required value={next} onChange={(e) => setNext(e.currentTarget.value)} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('session:password.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
