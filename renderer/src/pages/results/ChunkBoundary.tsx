import { Alert, Button } from 'antd';
import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Keeps a failure of a lazily loaded part (the sheet) inside its box instead of blanking the app. */
export class ChunkBoundary extends Component<{ children: ReactNode; what: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={`Không hiển thị được ${this.props.what}`}
        description={
          <>
            <div className="error-message-long">{this.state.error.message}</div>
            <Button size="small" style={{ marginTop: 8 }} onClick={() => this.setState({ error: null })}>
              Thử lại
            </Button>
          </>
        }
      />
    );
  }
}
