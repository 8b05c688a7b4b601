import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import { errorText } from '../../components/errors';

/**
 * An invited person chooses a password. The one-time token is in the link's fragment
 * (`/console/invite#<token>`), which the browser never sends to the server in a URL.
 */
export function InvitePage() {
  const { t } = useTranslation(['session', 'common']);
  const token = window.location.hash.slice(1);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat) {
      setError(t('invite.mismatch'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await data(api.POST('/v1/invites/accept', { body: { token, password } }));
      setDone(true);
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={420} component="main">
        <Stack>
          <Title order={1} size="h2">
            {t('invite.title')}
          </Title>
          {done ? (
            <>
              <Alert color="teal" role="status">
                {t('invite.done')}
              </Alert>
              <Button component={Link} to="/sign-in">
                {t('signIn.submit')}
              </Button>
            </>
          ) : !token ? (
            <Alert color="red" role="alert">
              {t('invite.noToken')}
            </Alert>
          ) : (
            <form onSubmit={(e) => void submit(e)}>
              <Stack>
                <Text c="dimmed">{t('invite.intro')}</Text>
                {error && (
                  <Alert color="red" role="alert">
                    {error}
                  </Alert>
                )}
                <PasswordInput label={t('password.new')} description={t('password.rule')} autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoFocus />
                <PasswordInput label={t('password.repeat')} autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} />
                <Button type="submit" loading={busy}>
                  {t('invite.submit')}
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
