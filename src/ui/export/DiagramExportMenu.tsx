/**
 * The diagram's export menu, an icon at the top of the gap between the two hosts (where the layout
 * leaves room for the switch further down), so it covers no box.
 */
import { useMemo, type RefObject } from 'react';
import type { DiagramLayout } from '../diagram/index.ts';
import { useFrameLoop } from '../frameContext.ts';
import { diagramExporter } from './diagramExport.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { TraceDownloadButton } from './TraceDownloadButton.tsx';

export function DiagramExportMenu({
  layout,
  stage,
}: {
  layout: DiagramLayout;
  /** The element holding the diagram's SVG and its token canvas. */
  stage: RefObject<HTMLElement | null>;
}) {
  const loop = useFrameLoop();
  const exporter = useMemo(
    () =>
      diagramExporter(
        () => stage.current,
        () => loop.live.nowNs,
      ),
    [loop, stage],
  );
  const sw = layout.boxes.find((b) => b.kind === 'switch');
  const left = sw ? sw.x + sw.w / 2 : layout.width / 2;
  return (
    // Clicks here are the menu's: not a pick of the token or the box under it.
    <div onClick={(e) => e.stopPropagation()} className="diagram-export" style={{ left }}>
      <ExportMenu exporter={exporter} scope="diagram" compact align="center" />
      <TraceDownloadButton />
    </div>
  );
}
