import { createContext, useContext } from 'react';
import type { FrameLoop } from '../frame/frameLoop.ts';

/** The app's one frame loop, for components that draw or step the simulation. */
export const FrameContext = createContext<FrameLoop | null>(null);

export function useFrameLoop(): FrameLoop {
  const loop = useContext(FrameContext);
  if (!loop) throw new Error('useFrameLoop outside <FrameContext.Provider>');
  return loop;
}
