import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  readonly label: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/** Keeps one broken panel from blanking the whole workbench. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.label} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div
        role="alert"
        className="m-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
      >
        <p className="font-semibold">{this.props.label} failed to render.</p>
        <p className="mt-1 font-mono text-xs">{this.state.error.message}</p>
        <button type="button" className="btn mt-2" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
