import { createTheme } from '@mantine/core';

// Calm and legible: coordinators read this screen all day.
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});
