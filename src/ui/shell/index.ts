// Public names of the lab's frame: masthead, run bar, failure banner, shortcuts.
export { Header } from './Header';
export { RunBar } from './RunBar';
export { SeedField } from './SeedField';
export { ErrorBanner } from './ErrorBanner';
export { ThemeToggle } from './ThemeToggle';
export { Icon, type IconName } from './Icon';
export { useShortcuts, handleShortcut } from './use-shortcuts';
