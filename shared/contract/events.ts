/** Events core pushes to the renderer while long work runs. */
export interface ProgressEvent {
  type: 'progress';
  taskId: string;
  label: string;
  done: number;
  total: number;
}

export interface DataChangedEvent {
  type: 'data-changed';
  area: 'units' | 'offices' | 'backups' | 'demo' | 'results' | 'targets' | 'network' | 'campaigns' | 'emulation' | 'people' | 'contributions' | 'arrears' | 'all';
}

export type AppEvent = ProgressEvent | DataChangedEvent;
