// Sharing and files: copy a link that reproduces the run, export the scenario as
// JSON (with the live change log, so an import replays the run the page shows), import one (a malformed file is refused with its errors listed, the scenario
// kept), and the page's notice line for links and files.
import { useRef, useState } from 'react';
import { importScenarioText, setNotice } from '../state/scenario-actions';
import { useLab } from '../state/store';
import { downloadText } from '../charts/download';
import { currentLink } from './url-sync';
import { scenarioFileName, scenarioFileText } from './scenario-file';
import './Share.css';

export function NoticeBar() {
  const notice = useLab((s) => s.notice);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="share.notice">
      <p>{notice.text}</p>
      {notice.details && notice.details.length > 0 ? (
        <ul data-testid="share.notice.details">
          {notice.details.slice(0, 12).map((d) => <li key={`${d.path}:${d.message}`}><code>{d.path || '(file)'}</code> {d.message}</li>)}
        </ul>
      ) : null}
      <button type="button" className="btn btn-quiet" data-testid="share.notice.dismiss" onClick={() => setNotice(null)}>Dismiss</button>
    </div>
  );
}

export function SharePanel() {
  const scenario = useLab((s) => s.scenario);
  const liveChanges = useLab((s) => s.liveChanges);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState<'copied' | 'select' | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const copy = async () => {
    const url = currentLink(window.location.href);
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied('copied');
    } catch {
      setCopied('select');
    }
  };

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    importScenarioText(file.name, await file.text());
  };

  return (
    <section className="share" aria-label="Share and files" data-testid="share.panel">
      <button type="button" className="btn" data-testid="share.copyLink" onClick={() => { void copy(); }}>Copy link to this run</button>
      <button type="button" className="btn" data-testid="share.exportScenario"
        onClick={() => downloadText(scenarioFileName(scenario), scenarioFileText(scenario, liveChanges), 'application/json')}>
        Export scenario (JSON)
      </button>
      <button type="button" className="btn" data-testid="share.importScenario" onClick={() => fileRef.current?.click()}>Import scenario…</button>
      <input ref={fileRef} type="file" accept=".json,application/json" hidden data-testid="share.importFile" onChange={(e) => { void onFile(e); }} />
      {link ? (
        <label className="share-link">
          <span>{copied === 'copied' ? 'Copied. The link reproduces scenario, seed, configurations and view:' : 'Select and copy this link:'}</span>
          <input readOnly value={link} data-testid="share.link" onFocus={(e) => e.currentTarget.select()} />
        </label>
      ) : null}
    </section>
  );
}
