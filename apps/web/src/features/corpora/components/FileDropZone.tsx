import { type DragEvent, useId, useState } from 'react';

const ACCEPT = '.ndjson,.jsonl,.json,.evtx,.gz,.gzip,.zip,.log,.txt,application/json,application/x-ndjson';

/** Drop files here, or pick them with the keyboard-reachable file input it wraps. */
export function FileDropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const id = useId();
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  return (
    <label
      htmlFor={id}
      data-testid="upload-dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      className={`flex cursor-pointer flex-col items-center gap-1 rounded border-2 border-dashed px-4 py-5 text-center text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-600 ${
        over
          ? 'border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/50'
          : 'border-slate-300 hover:border-slate-400 dark:border-slate-600'
      }`}
    >
      <span className="font-medium text-slate-800 dark:text-slate-200">
        Drop files here, or click to choose
      </span>
      <span className="text-xs text-slate-600 dark:text-slate-400">
        ECS NDJSON or JSON, Elasticsearch responses, Sysmon/winlogbeat JSON, EVTX; gzip or zip wrapped.
        Several files make one corpus.
      </span>
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPT}
        data-testid="upload-input"
        className="sr-only"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </label>
  );
}
