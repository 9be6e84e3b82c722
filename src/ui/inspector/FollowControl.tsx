// The strip under the inspector's list that says whether it follows the newest frame: a
// "Follow newest" checkbox (Space toggles it) and, once following stopped, a "Jump to
// newest" button that names how many listed frames arrived since. Jumping moves the
// focus to the checkbox, which stays, rather than losing it with the button.
import { useRef } from 'react';
import { formatCount } from '../live/format';

export interface FollowControlProps {
  readonly following: boolean;
  /** Listed frames captured since following stopped. */
  readonly arrived: number;
  readonly onFollow: () => void;
  readonly onStop: () => void;
}

export function FollowControl({ following, arrived, onFollow, onStop }: FollowControlProps) {
  const box = useRef<HTMLInputElement>(null);
  return (
    <div className="insp-follow" data-testid="inspector.followBar">
      <label className="insp-follow-toggle">
        <input ref={box} type="checkbox" data-testid="inspector.follow" checked={following}
          aria-describedby="insp-follow-hint" onChange={(e) => (e.target.checked ? onFollow() : onStop())} />
        {' '}Follow newest
      </label>
      {following
        ? <span id="insp-follow-hint" className="insp-follow-hint">the list stays on the newest frame; scroll up or select a frame to stop</span>
        : (
          <>
            <span id="insp-follow-hint" className="insp-follow-hint">stopped: the list stays where you are</span>
            <button type="button" className="btn insp-jump" data-testid="inspector.jumpNewest"
              onClick={() => { onFollow(); box.current?.focus(); }}>
              Jump to newest{arrived > 0 ? ` (${formatCount(arrived)} new)` : ''} <span aria-hidden="true">↓</span>
            </button>
          </>
        )}
    </div>
  );
}
