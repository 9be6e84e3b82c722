// A Wireshark-like tree of a frame's fields (dissectFrame / dissectI2oFrame nodes).
// Hovering or focusing a field reports its byte range, so the hex pane can light it up.
import type { FieldNode } from '../../net/wire';

export interface ByteRange {
  readonly offset: number;
  readonly length: number;
}

function Node({ node, onHover, depth }: { node: FieldNode; onHover: (r: ByteRange | null) => void; depth: number }) {
  const enter = () => onHover({ offset: node.offset, length: node.length });
  const label = (
    <span className="insp-field" data-testid="inspector.field" data-field={node.name} tabIndex={0}
      onMouseEnter={enter} onFocus={enter} onMouseLeave={() => onHover(null)} onBlur={() => onHover(null)}>
      {node.label}
    </span>
  );
  if (!node.children || node.children.length === 0) return <li>{label}</li>;
  return (
    <li>
      <details open={depth < 1 || node.name.startsWith('tcp')}>
        <summary>{label}</summary>
        <ul>{node.children.map((c, i) => <Node key={`${c.name}-${i}`} node={c} onHover={onHover} depth={depth + 1} />)}</ul>
      </details>
    </li>
  );
}

export function DetailTree({ nodes, onHover }: { nodes: readonly FieldNode[]; onHover: (r: ByteRange | null) => void }) {
  return (
    <ul className="insp-tree" data-testid="inspector.tree" aria-label="Fields">
      {nodes.map((n, i) => <Node key={`${n.name}-${i}`} node={n} onHover={onHover} depth={0} />)}
    </ul>
  );
}
