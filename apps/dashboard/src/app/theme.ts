import { createTheme, darken, defaultVariantColorsResolver, parseThemeColor, type CSSVariablesResolver, type VariantColorsResolver } from '@mantine/core';

const LIGHT_TEXT_ON_FILLED = new Set(['yellow', 'orange', 'lime']);

/**
 * Mantine's default shades put white text on mid-tone fills and mid-tone text on tinted
 * badges, both under WCAG AA contrast. Fills go two shades darker (or take dark text on
 * the yellows), tinted variants take the darkest text shade.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const defaults = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined) return defaults;
  const shade = (n: number) => `var(--mantine-color-${parsed.color}-${n})`;
  switch (input.variant) {
    case 'filled':
      return LIGHT_TEXT_ON_FILLED.has(parsed.color)
        ? { ...defaults, background: shade(4), hover: shade(5), color: 'var(--mantine-color-black)' }
        : { ...defaults, background: shade(9), hover: 'var(--mantine-color-dark-6)', color: 'var(--mantine-color-white)' };
    case 'light':
    case 'subtle':
    case 'outline':
      // On a tinted background the darkest shade alone is borderline: take it a quarter darker.
      return { ...defaults, color: darken(input.theme.colors[parsed.color][9], 0.3) };
    default:
      return defaults;
  }
};

// Calm and legible: coordinators read this screen all day.
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  variantColorResolver,
});

/** Mantine's default "dimmed" grey is below WCAG AA contrast on white: one shade darker passes. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-teal-9)',
  },
  dark: {},
});
