import { Component, type ErrorInfo, type ReactNode } from 'react'
import { ErrorBox } from './ErrorBox'

interface Props {
  /** What the boundary wraps, for the message ("the chart"). */
  what: string
  children: ReactNode
  /** Changing this value clears a caught error (e.g. the selected instrument's id). */
  resetKey?: unknown
}

interface State {
  error: Error | null
  resetKey: unknown
}

/** A render/effect crash inside a panel shows an error in that panel instead of blanking the window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`alphadesk: ${this.props.what} crashed`, error, info.componentStack)
  }

  override render() {
    if (this.state.error) {
      return (
        <div style={{ padding: 16 }}>
          <ErrorBox
            error={{ code: 'INTERNAL', message: this.state.error.message }}
            title={`Showing ${this.props.what} failed`}
            onRetry={() => this.setState({ error: null })}
          />
        </div>
      )
    }
    return this.props.children
  }
}
