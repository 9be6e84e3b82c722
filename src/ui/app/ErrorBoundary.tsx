// Catches a render error anywhere in the React tree and shows what happened with a way
// to reload, instead of a blank page.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Offload Lab: a view failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="boundary" role="alert" data-testid="error.boundary">
        <h1>Offload Lab</h1>
        <h2>A part of the page failed to draw</h2>
        <p>The simulation itself may be fine; the view that shows it hit an error it did not expect.</p>
        <p><code>{error.message}</code></p>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          Reload the lab
        </button>
      </main>
    );
  }
}
