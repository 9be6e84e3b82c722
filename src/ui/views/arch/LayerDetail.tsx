// What a clicked box stands for and its live figures: crossings and bytes from the trace,
// cycles from its processor's accounting, listed by the categories that make them up.
import type { Category, Layer } from '../../../sim';
import { views } from '../feed/binding';
import { boxFigures } from './box-figures';
import { feedColumnCycles } from './box-cycles';
import { categoriesOfBox, CYCLES_ELSEWHERE } from './cycle-map';
import { LAYER_INFO } from './layer-info';
import { layerCpu } from './layout';

const num = (n: number) => Math.round(n).toLocaleString('en-US');

function CycleRows({ configuration, layer }: { configuration: string; layer: Layer }) {
  const { feed } = views();
  const cpu = layerCpu(configuration, layer);
  if (cpu === null || cpu === 'none') {
    return <><dt>Cycles</dt><dd data-testid="diagram.detail.cycles">none: no processor works here</dd></>;
  }
  const box = feedColumnCycles(feed, configuration).boxes.get(layer);
  const cycles = box?.cycles ?? 0;
  const who = cpu === 'iop' ? 'IOP' : 'host CPU';
  const elsewhere = CYCLES_ELSEWHERE[layer];
  if (elsewhere && cycles === 0) {
    return <><dt>{who} cycles</dt><dd data-testid="diagram.detail.cycles">counted in the {elsewhere.box} box. {elsewhere.why}</dd></>;
  }
  // The categories this processor charges here, and any other mapped here that has cycles.
  const byCategory = new Map<Category, number>(categoriesOfBox(configuration, cpu, layer).map((c) => [c, 0]));
  for (const p of box?.parts ?? []) byCategory.set(p.category, p.cycles);
  return (
    <>
      <dt>{who} cycles</dt><dd data-testid="diagram.detail.cycles">{num(cycles)}</dd>
      <dt>by category</dt>
      <dd>
        <ul className="arch-detail-parts" data-testid="diagram.detail.categories">
          {[...byCategory].map(([c, n]) => <li key={c} data-category={c} data-cycles={n}>{c}: {num(n)}</li>)}
        </ul>
      </dd>
    </>
  );
}

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
        <CycleRows configuration={configuration} layer={layer} />
        <dt>Bytes carried in</dt><dd>{f.bytes.toLocaleString('en-US')}</dd>
        {f.gauge && <><dt>{f.gauge.label}</dt><dd data-testid="diagram.detail.gauge">{f.gauge.value.toLocaleString('en-US')}{f.gauge.of !== undefined ? ` of ${f.gauge.of.toLocaleString('en-US')}` : ''}</dd></>}
      </dl>
      <p className="arch-note">Crossings and bytes come from the trace records the model wrote (one per layer crossing);
        cycles are what the processor spent on this layer&apos;s work, from its own accounting by cost category (the
        figures of the CPU charts). Buffers free per pool are not reported by the model yet.</p>
    </section>
  );
}
