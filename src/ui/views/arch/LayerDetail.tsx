// What a clicked box stands for and its live figures.
import type { Layer } from '../../../sim';
import { views } from '../feed/binding';
import { boxFigures } from './box-figures';
import { LAYER_INFO } from './layer-info';

export function LayerDetail({ configuration, layer }: { configuration: string; layer: Layer }) {
  const info = LAYER_INFO[layer];
  const f = boxFigures(views().feed, configuration, layer);
  return (
    <section className="arch-detail" data-testid="diagram.detail" aria-label={`About ${info.title}`}>
      <h3>{info.title} <span className="arch-detail-cfg">({configuration})</span></h3>
      <p>{info.what}</p>
      <p><b>Stands for:</b> {info.standsFor}</p>
      <dl>
        <dt>Crossings into it</dt><dd data-testid="diagram.detail.crossings">{f.crossings.toLocaleString('en-US')}</dd>
        <dt>Cycles charged here</dt><dd>{Math.round(f.cycles).toLocaleString('en-US')}</dd>
        <dt>Bytes carried in</dt><dd>{f.bytes.toLocaleString('en-US')}</dd>
        {f.gauge && <><dt>{f.gauge.label}</dt><dd data-testid="diagram.detail.gauge">{f.gauge.value.toLocaleString('en-US')}{f.gauge.of !== undefined ? ` of ${f.gauge.of.toLocaleString('en-US')}` : ''}</dd></>}
      </dl>
      <p className="arch-note">Figures come from the trace records the model wrote (one per layer crossing) and the machine&apos;s counters.
        Buffers free per pool are not reported by the model yet.</p>
    </section>
  );
}
