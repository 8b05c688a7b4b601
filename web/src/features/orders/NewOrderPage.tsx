import { Alert, Button, FileInput, Group, Paper, Select, SimpleGrid, Stack, Switch, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';
import { MAX_TARGETS, ORDER_CATEGORIES, upload, useSubmitOrder, type OrderCategory, type RequestedAction } from './api';
import { ImportPanel } from './components/ImportPanel';
import { TargetsField } from './components/TargetsField';
import { parseTargets, validTargets } from './targets';
import { useNotify } from './notify';
import { BackToOrders } from './components/BackToOrders';

/** What an order may ask of the platform (the API's `requestedAction`): a takedown, or information about the targets. */
const ACTIONS: RequestedAction[] = ['remove', 'information'];
/** What the media intake answers for a file it will not keep as a screenshot. */
const SCREENSHOT_ERRORS = ['unsupported_media', 'unsupported_media_type', 'invalid_media', 'media_too_large', 'empty_body'];

/** A new order: through the form, or a batch from a CSV or XLSX file. */
export function NewOrderPage() {
  const { t } = useTranslation('orders');
  return (
    <Stack>
      <Stack gap={4}>
        <BackToOrders />
        <Title order={1}>{t('form.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('form.intro')}
        </Text>
      </Stack>
      <Tabs defaultValue="form" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="form">{t('form.tab')}</Tabs.Tab>
          <Tabs.Tab value="import">{t('import.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="form" pt="md">
          <OrderForm />
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <ImportPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** An officer's order: the letter, its legal basis, the targets one a line, screenshots. */
function OrderForm() {
  const { t } = useTranslation(['orders', 'review', 'common']);
  const navigate = useNavigate();
  const { can } = useSession();
  const submit = useSubmitOrder();
  const notify = useNotify();
  const [orderNumber, setOrderNumber] = useState('');
  const [category, setCategory] = useState<OrderCategory | null>(null);
  const [urgent, setUrgent] = useState(false);
  const [legalBasis, setLegalBasis] = useState('');
  const [legalAnalysis, setLegalAnalysis] = useState('');
  const [letter, setLetter] = useState('');
  const [issued, setIssued] = useState('');
  const [action, setAction] = useState<(typeof ACTIONS)[number]>('remove');
  const [targetsText, setTargetsText] = useState('');
  const [screenshots, setScreenshots] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string>();
  const lines = useMemo(() => parseTargets(targetsText), [targetsText]);
  const invalid = lines.some((l) => l.kind === 'invalid') || lines.length > MAX_TARGETS;

  /** One screenshot's upload; a file the intake refuses is named, with why, in the form's language. */
  const uploadScreenshot = async (file: File) => {
    try {
      return await upload(file);
    } catch (err) {
      const code = err instanceof ApiError ? err.code : '';
      if (SCREENSHOT_ERRORS.includes(code)) throw new Error(t(`form.screenshotErrors.${code}`, { name: file.name }));
      throw err;
    }
  };

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    if (!category) return setError(t('form.categoryRequired'));
    if (!lines.length) return setError(t('targets.none'));
    if (invalid) return setError(t('form.fixTargets'));
    try {
      setUploading(true);
      const ids: string[] = [];
      for (const file of screenshots) ids.push(await uploadScreenshot(file));
      setUploading(false);
      const { order, created } = await submit.mutateAsync({
        orderNumber,
        category,
        urgent,
        legalBasis,
        requestedAction: action,
        targets: validTargets(lines),
        screenshots: ids,
        ...(legalAnalysis.trim() ? { legalAnalysis } : {}),
        ...(letter.trim() ? { letter } : {}),
        // The letter's calendar date, in Western Indonesian Time.
        ...(issued ? { issuedAt: `${issued}T00:00:00+07:00` } : {}),
      });
      notify(created ? t('form.sent', { number: order.orderNumber }) : t('form.known', { number: order.orderNumber }));
      navigate(`/orders/${order.id}`);
    } catch (err) {
      setUploading(false);
      setError(err instanceof ApiError || !(err instanceof Error) ? errorText(t, err) : err.message);
    }
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={(e: FormEvent) => void send(e)} aria-labelledby="order-form-letter">
      <Stack>
        <Title order={2} size="h4" id="order-form-letter">
          {t('form.letterSection')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('fields.orderNumber')} description={t('form.orderNumberHelp')} value={orderNumber} onChange={(e) => setOrderNumber(e.currentTarget.value)} required maxLength={200} />
          <Select
            label={t('fields.category')}
            data={ORDER_CATEGORIES.map((c) => ({ value: c, label: c === 'other' ? t('categoryOther') : t(`review:categories.${c}`) }))}
            value={category}
            onChange={(v) => setCategory(v as OrderCategory | null)}
            required
            searchable
          />
          <TextInput label={t('fields.issuedAt')} description={t('form.issuedHelp')} type="date" value={issued} onChange={(e) => setIssued(e.currentTarget.value)} />
        </SimpleGrid>
        <Switch label={t('fields.urgent')} description={t('form.urgentHelp')} checked={urgent} onChange={(e) => setUrgent(e.currentTarget.checked)} />
        <Select
          label={t('fields.requestedAction')}
          data={ACTIONS.map((a) => ({ value: a, label: t(`actions.${a}`) }))}
          value={action}
          onChange={(v) => v && setAction(v as (typeof ACTIONS)[number])}
          allowDeselect={false}
        />
        <Textarea label={t('fields.legalBasis')} description={t('form.legalBasisHelp')} value={legalBasis} onChange={(e) => setLegalBasis(e.currentTarget.value)} required autosize minRows={2} maxLength={2000} />
        <Textarea label={t('fields.legalAnalysis')} value={legalAnalysis} onChange={(e) => setLegalAnalysis(e.currentTarget.value)} autosize minRows={3} maxLength={20_000} />
        <Textarea label={t('fields.letter')} description={t('form.letterHelp')} value={letter} onChange={(e) => setLetter(e.currentTarget.value)} autosize minRows={3} maxLength={20_000} />
        <Title order={2} size="h4">
          {t('form.targetsSection')}
        </Title>
        <TargetsField label={t('fields.targets')} value={targetsText} onChange={setTargetsText} lines={lines} max={MAX_TARGETS} />
        {/* Screenshots go through POST /v1/regulator/screenshots (orders:submit, images only). */}
        {can('orders:submit') && (
          <FileInput
            label={t('fields.screenshots')}
            description={t('form.screenshotsHelp')}
            accept="image/png,image/jpeg,image/webp"
            multiple
            clearable
            clearButtonProps={{ 'aria-label': t('clearFile') }}
            value={screenshots}
            onChange={setScreenshots}
          />
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={uploading || submit.isPending} disabled={invalid}>
            {t('form.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
