import type { Domain, MethodName, Output, ParsedInput } from './index'

/** What implements a contract domain: one handler per method, typed from the contract. */
export type Handlers<D extends Domain> = {
  [M in MethodName<D>]: (input: ParsedInput<D, M>) => Promise<Output<D, M>> | Output<D, M>
}

/** A domain's service: its handlers, and whatever it must release at shutdown. */
export type Service<D extends Domain> = Handlers<D> & { close?(): void | Promise<void> }

/** Every domain's handlers: what the router dispatches to. */
export type AllHandlers = { [D in Domain]: Handlers<D> }
