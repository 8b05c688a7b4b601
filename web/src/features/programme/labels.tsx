import { Badge, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Nomination, NominationStatus } from './api';

/** A field's error in a red dark enough to read (WCAG AA contrast on white). */
export const ERROR_PROPS = { c: 'red.9' } as const;

const STATUS_COLOR: Record<NominationStatus, string> = { pending: 'yellow', rejected: 'gray', blocked: 'orange', catalogued: 'green', left: 'red' };

export function StatusBadge({ status }: { status: NominationStatus }) {
  const { t } = useTranslation('programme');
  return (
    <Badge variant="light" color={STATUS_COLOR[status]} style={{ minWidth: 'max-content' }}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** The content a nomination names: the platform's id, with its caption when it has one. */
export function ContentCell({ content }: { content: Nomination['content'] }) {
  return (
    <div>
      <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
        {content.externalId}
      </Text>
      {content.caption && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {content.caption}
        </Text>
      )}
    </div>
  );
}

/** The safety checks that failed, each with why. */
export function FailedChecks({ checks }: { checks: Nomination['checks'] }) {
  const { t } = useTranslation('programme');
  const failed = (checks ?? []).filter((c) => !c.passed);
  if (failed.length === 0) return null;
  return (
    <List size="xs" spacing={2}>
      {failed.map((c) => (
        <List.Item key={c.check}>
          <Text span size="xs" fw={600}>
            {t(`checks.${c.check}`)}
          </Text>
          {c.detail && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({c.detail})
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
