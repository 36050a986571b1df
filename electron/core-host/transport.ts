/**
 * How the core process talks to its parent. In Electron that is `process.parentPort` (a
 * utilityProcess); under a plain `child_process.fork` (tests, tools) it is the Node IPC channel.
 * Both carry structured-clone data, so the peer above them does not care which it has.
 */
export interface HostTransport {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** The parent went away (a Node IPC channel closes; Electron kills a utility process itself). */
  onClose(listener: () => void): void;
}

/** The slice of Electron's ParentPort the host uses (typed here: core-host never imports 'electron'). */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

export function parentPortTransport(port: ParentPortLike): HostTransport {
  return {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => void port.on('message', (event) => listener(event.data)),
    onClose: () => undefined,
  };
}

interface IpcProcess {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
  send?(message: unknown): boolean;
}

export function processTransport(proc: IpcProcess): HostTransport {
  if (!proc.send) throw new Error('core-host: no IPC channel to the parent process');
  return {
    post: (message) => void proc.send?.(message),
    onMessage: (listener) => void proc.on('message', listener),
    onClose: (listener) => void proc.on('disconnect', listener),
  };
}

/**
 * Keeps what arrives before anyone listens (main may say shutdown while the database is still
 * opening); the first listener gets the backlog in order.
 */
export function buffered(transport: HostTransport): HostTransport {
  let backlog: unknown[] | null = [];
  let deliver: ((message: unknown) => void) | null = null;
  transport.onMessage((message) => (deliver ? deliver(message) : backlog?.push(message)));
  return {
    post: transport.post,
    onClose: transport.onClose,
    onMessage(listener) {
      if (deliver) throw new Error('core-host: one message listener only');
      deliver = listener;
      const queued = backlog ?? [];
      backlog = null;
      for (const message of queued) listener(message);
    },
  };
}

/** parentPort when Electron started us, else the Node IPC channel of a fork. */
export function detectTransport(proc: NodeJS.Process = process): HostTransport {
  const port = (proc as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
  return buffered(port ? parentPortTransport(port) : processTransport(proc));
}
