import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { api, data, setCsrfToken } from '../../api/client';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';

/** Sign-in with a login name and password; the session lives in an HttpOnly cookie. */
export function SignInPage() {
  const { t } = useTranslation(['session', 'common']);
  const { session, refresh } = useSession();
  const location = useLocation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (session) return <Navigate to={from} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const signedIn = await data(api.POST('/v1/session', { body: { login, password } }));
      setCsrfToken(signedIn.csrfToken);
      // Once the session is known, this page sends the person on (one navigation, below).
      await refresh();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={380} component="main">
        <form onSubmit={(e) => void submit(e)}>
          <Stack>
            <Group justify="space-between">
              <Title order={1} size="h2">
                {t('common:product')}
              </Title>
              <LanguageSwitch />
            </Group>
            <Text c="dimmed">{t('signIn.intro')}</Text>
            {error && (
              <Alert color="red" role="alert" title={t('signIn.failed')}>
                {error}
              </Alert>
            )}
            <TextInput label={t('signIn.login')} autoComplete="username" required value={login} onChange={(e) => setLogin(e.currentTarget.value)} autoFocus />
            <PasswordInput label={t('signIn.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
            <Button type="submit" loading={busy}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
