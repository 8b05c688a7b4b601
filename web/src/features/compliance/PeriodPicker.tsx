import { Button, Group, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { lastMonth, periodProblem, thisMonth, type Period } from './period';

/** The days a report covers (WIB, both included), with the two usual choices one click away. */
export function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const { t } = useTranslation('compliance');
  const problem = periodProblem(value);
  return (
    <div>
      <Group align="flex-end" gap="sm">
        <TextInput type="date" label={t('period.from')} value={value.from} onChange={(e) => onChange({ ...value, from: e.currentTarget.value })} w={170} />
        <TextInput type="date" label={t('period.to')} value={value.to} onChange={(e) => onChange({ ...value, to: e.currentTarget.value })} w={170} />
        <Button variant="default" onClick={() => onChange(lastMonth())}>
          {t('period.lastMonth')}
        </Button>
        <Button variant="default" onClick={() => onChange(thisMonth())}>
          {t('period.thisMonth')}
        </Button>
      </Group>
      <Text size="xs" c={problem ? 'red.8' : 'dimmed'} mt={4} role={problem ? 'alert' : undefined}>
        {problem ? t(`period.problem.${problem}`) : t('period.hint')}
      </Text>
    </div>
  );
}
