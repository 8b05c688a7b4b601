import { ActionIcon, Badge, Box, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blurPixels, usePreferences } from '../../../app/preferences';
import { useFormat } from '../../../i18n/format';

/** A moment of a video worth seeing: where a finding is (on-screen text, speech, nudity, a matched frame). */
export interface Moment {
  time: number;
  until?: number;
  label: string;
}

/** A box on the picture (on-screen text read there), in the pixels of the original media. */
export interface Marked {
  box: { x: number; y: number; width: number; height: number };
  time?: number;
  until?: number;
  label: string;
}

export interface MediaViewerProps {
  src: string;
  kind: 'image' | 'video';
  /** Size of the original media, to place the boxes. */
  width?: number;
  height?: number;
  moments: Moment[];
  boxes: Marked[];
  /** Revealed (unblurred) from outside, e.g. by a keyboard shortcut. */
  revealed: boolean;
  onRevealedChange(revealed: boolean): void;
  /** A label naming the media, for screen readers. */
  label: string;
}

/**
 * An image or video under review: blurred and in greyscale until the moderator reveals it on
 * purpose (their preferences set how), with the flagged moments of a video on its timeline (a
 * click jumps there) and the boxes where text was read drawn on the picture.
 */
export function MediaViewer({ src, kind, width, height, moments, boxes, revealed, onRevealedChange, label }: MediaViewerProps) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const preferences = usePreferences();
  const video = useRef<HTMLVideoElement>(null);
  const [now, setNow] = useState(0);
  const [duration, setDuration] = useState<number>();

  useEffect(() => {
    const v = video.current;
    if (!v) return;
    v.muted = preferences.mute;
  }, [preferences.mute]);

  const filter = revealed ? undefined : [preferences.mediaBlur ? `blur(${blurPixels(preferences.mediaBlur)}px)` : '', preferences.greyscale ? 'grayscale(1)' : ''].filter(Boolean).join(' ') || undefined;
  const visibleBoxes = boxes.filter((b) => kind === 'image' || b.time === undefined || (now >= b.time - 0.25 && now <= (b.until ?? b.time) + 0.75));
  const jump = (time: number) => {
    const v = video.current;
    if (!v) return;
    v.currentTime = time;
    v.pause();
    setNow(time);
  };

  return (
    <Stack gap="xs">
      <Box pos="relative" style={{ display: 'inline-block', maxWidth: '100%', lineHeight: 0, overflow: 'hidden', borderRadius: 4, background: '#111' }}>
        {kind === 'image' ? (
          <img src={src} alt={label} style={{ maxWidth: '100%', maxHeight: 420, filter, display: 'block' }} />
        ) : (
          <video
            ref={video}
            src={src}
            aria-label={label}
            controls
            preload="metadata"
            autoPlay={preferences.autoplay && revealed}
            muted={preferences.mute}
            onTimeUpdate={(e) => setNow(e.currentTarget.currentTime)}
            onLoadedMetadata={(e) => setDuration(e.currentTarget.duration)}
            style={{ maxWidth: '100%', maxHeight: 420, filter, display: 'block' }}
          />
        )}
        {revealed && width && height
          ? visibleBoxes.map((b, i) => (
              <div
                key={i}
                title={b.label}
                style={{
                  position: 'absolute',
                  left: `${(b.box.x / width) * 100}%`,
                  top: `${(b.box.y / height) * 100}%`,
                  width: `${(b.box.width / width) * 100}%`,
                  height: `${(b.box.height / height) * 100}%`,
                  border: '2px solid #ffd43b',
                  boxShadow: '0 0 0 1px #000',
                  pointerEvents: 'none',
                }}
              />
            ))
          : null}
      </Box>
      <Group gap="xs">
        <Button
          size="xs"
          variant={revealed ? 'default' : 'filled'}
          leftSection={revealed ? <IconEyeOff size={16} aria-hidden /> : <IconEye size={16} aria-hidden />}
          onClick={() => onRevealedChange(!revealed)}
          aria-pressed={revealed}
        >
          {revealed ? t('media.hide') : t('media.reveal')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('media.revealHint')}
        </Text>
      </Group>
      {kind === 'video' && moments.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600} id="moments-label">
            {t('media.moments')}
          </Text>
          {duration ? (
            <Box pos="relative" h={10} bg="gray.2" style={{ borderRadius: 5 }} aria-hidden>
              {moments.map((m, i) => (
                <Box
                  key={i}
                  pos="absolute"
                  top={0}
                  h={10}
                  bg="red.7"
                  style={{ left: `${(m.time / duration) * 100}%`, width: `max(4px, ${(((m.until ?? m.time) - m.time) / duration) * 100}%)`, borderRadius: 5 }}
                />
              ))}
              <Box pos="absolute" top={-3} w={2} h={16} bg="dark.9" style={{ left: `${(now / duration) * 100}%` }} />
            </Box>
          ) : null}
          <Group gap={6} role="list" aria-labelledby="moments-label">
            {moments.map((m, i) => (
              <div role="listitem" key={i}>
                <Tooltip label={m.label}>
                  <Badge
                    component="button"
                    type="button"
                    variant="light"
                    color="red"
                    style={{ cursor: 'pointer' }}
                    onClick={() => jump(m.time)}
                    aria-label={t('media.jumpTo', { time: format.clock(m.time), what: m.label })}
                  >
                    {format.clock(m.time)}
                    {m.until !== undefined && m.until !== m.time ? `–${format.clock(m.until)}` : ''}
                  </Badge>
                </Tooltip>
              </div>
            ))}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

/** A small button to reveal or hide (used beside thumbnails). */
export function RevealToggle({ revealed, onChange }: { revealed: boolean; onChange(v: boolean): void }) {
  const { t } = useTranslation('review');
  return (
    <ActionIcon variant="light" aria-pressed={revealed} aria-label={revealed ? t('media.hide') : t('media.reveal')} onClick={() => onChange(!revealed)}>
      {revealed ? <IconEyeOff size={16} /> : <IconEye size={16} />}
    </ActionIcon>
  );
}
