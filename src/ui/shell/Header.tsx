// The lab's masthead: the product's name, one line saying what the lab is, the way into
// the lesson (passed in by the app) and the colour-scheme toggle. The name, the tagline
// and the buttons are the header's own grid cells (Header.css places them).
import type { ReactNode } from 'react';
import { ThemeToggle } from './ThemeToggle';
import './Header.css';

export function Header({ children }: { children?: ReactNode }) {
  return (
    <header className="masthead">
      <h1 data-testid="shell.title">Offload Lab</h1>
      <p className="tagline" data-testid="shell.tagline">
        A simulated Linux server’s network path, to see and measure what moving TCP/IP off the host CPU
        onto an intelligent NIC (the I2O iNIC) saves.
      </p>
      <div className="masthead-actions">
        {children}
        <ThemeToggle />
      </div>
    </header>
  );
}
