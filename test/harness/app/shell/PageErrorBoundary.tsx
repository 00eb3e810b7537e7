import { Alert, PageSection } from '@patternfly/react-core';
import { Component, type ErrorInfo, type ReactNode } from 'react';

type Props = { children: ReactNode };
type State = { error?: Error; componentStack?: string };

/** Shows a crashed page's error where the page was, as the console's error page does. */
export class PageErrorBoundary extends Component<Props, State> {
  state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(_error: Error, info: ErrorInfo) {
    this.setState({ componentStack: info.componentStack ?? undefined });
  }

  render() {
    const { error, componentStack } = this.state;
    if (!error) return this.props.children;
    return (
      <PageSection hasBodyWrapper={false}>
        <Alert variant="danger" isInline title={`This page crashed: ${error.message}`} data-test="page-error">
          <pre className="harness-stack">{error.stack}</pre>
          {componentStack && <pre className="harness-stack">{componentStack}</pre>}
        </Alert>
      </PageSection>
    );
  }
}
