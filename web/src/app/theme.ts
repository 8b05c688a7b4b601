import { createTheme, darken, NavLink, defaultVariantColorsResolver, type VariantColorsResolver } from '@mantine/core';

/**
 * Light and outline badges, buttons and navigation links take a darkened shade 9 of their colour
 * for text (light ones on the palest tint), so every colour, orange and yellow included, reaches
 * WCAG AA contrast (4.5:1); the library's defaults fall short for several colours.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const name = input.color ?? input.theme.primaryColor;
  const palette = input.theme.colors[name];
  if (!palette) return colors;
  const text = darken(palette[9], 0.25);
  if (input.variant === 'light') return { ...colors, background: palette[0], hover: palette[1], color: text, hoverColor: text };
  if (input.variant === 'outline') return { ...colors, color: text, border: `1px solid ${text}` };
  return colors;
};

/** Calm colours with the contrast WCAG AA asks for (checked by the axe-core pass of the browser tests). */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 5 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  variantColorResolver,
  // White or black text on filled colours, whichever contrasts more.
  autoContrast: true,
  components: {
    Button: { defaultProps: { variant: 'filled' } },
    // The current page's link: the same dark-on-pale colours as light badges.
    NavLink: NavLink.extend({
      vars: (theme) => ({ root: { '--nl-bg': theme.colors.teal[0], '--nl-hover': theme.colors.teal[1], '--nl-color': darken(theme.colors.teal[9], 0.25) }, children: {} }),
    }),
  },
});
