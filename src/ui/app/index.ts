// Public names of the app: the root component, the error boundary and theme handling.
export { App } from './App';
export { ErrorBoundary } from './ErrorBoundary';
export { useThemeAttribute, loadSavedTheme } from './use-theme';
