import type { ReportBlock, ReportSection } from '../../../shared/contract/reportTypes';
import { ReportChart } from './ReportChart';
import { ReportTable } from './ReportTable';

function Block({ block, orientation, onChartDrawn }: { block: ReportBlock; orientation: ReportSection['orientation']; onChartDrawn?: () => void }) {
  switch (block.kind) {
    case 'paragraph':
      return <p className="report-paragraph">{block.text}</p>;
    case 'table':
      return <ReportTable block={block} />;
    case 'chart':
      return <ReportChart block={block} orientation={orientation} onDrawn={onChartDrawn} />;
    case 'freeText':
      // Each line the user typed is a paragraph, indented like the generated ones; an empty
      // text shows its hint on screen and ruled lines to write on in print.
      return block.text.trim() ? (
        <div className="report-free-text" data-testid="report-free-text">
          {block.text
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line, i) => (
              <p key={i} className="report-paragraph">
                {line}
              </p>
            ))}
        </div>
      ) : (
        <div className="report-free-text report-free-text-empty" data-testid="report-free-text">
          {block.placeholder}
        </div>
      );
  }
}

/** One numbered section: its heading, then its blocks in order. */
export function ReportSectionView({ section, onChartDrawn }: { section: ReportSection; onChartDrawn?: (key: string) => void }) {
  return (
    <section className="report-section" data-testid="report-section" data-section-id={section.id}>
      {section.heading ? <h2 className="report-section-heading">{section.heading}</h2> : null}
      {section.blocks.map((block, i) => (
        <Block
          key={i}
          block={block}
          orientation={section.orientation}
          onChartDrawn={onChartDrawn ? () => onChartDrawn(`${section.id}-${i}`) : undefined}
        />
      ))}
    </section>
  );
}
