// The measure worker's entry: one MeasureSession at a time, driven by the page (start,
// then one slice, rewind or live-change list per request, so the page paces it and can
// pause by not asking). Logic in measure-host.ts, measure-session.ts and
// measure-live.ts; errors come back as messages, never thrown.
import { MeasureHost, type MeasureRequest } from './measure-host';

const scope = self as unknown as { postMessage(m: unknown): void; addEventListener(t: 'message', l: (e: { data: MeasureRequest }) => void): void };
const host = new MeasureHost();

scope.addEventListener('message', (e) => {
  const reply = host.handle(e.data);
  if (reply) scope.postMessage(reply);
});
