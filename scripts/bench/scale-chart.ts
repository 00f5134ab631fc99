// The picture of the scale curve: wall seconds until every pod is Running, and peak RSS, against
// the cluster's size, with the targets as dashed lines. Drawn with Vega-Lite (rendered to SVG by Vega, no browser needed).
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ScalePoint } from './scale-point.ts';

export async function scaleChart(points: readonly ScalePoint[], caption: string): Promise<string> {
  const values = points.flatMap((p) => [
    { nodes: p.nodes, pods: p.pods, measure: 'seconds until every pod is Running', value: round(p.runningSeconds), target: 60 },
    { nodes: p.nodes, pods: p.pods, measure: 'peak RSS (GiB)', value: round(p.peakRssMiB / 1024), target: 4 },
  ]);
  const spec: TopLevelSpec = {
    title: { text: 'kubespec simulator: cost against cluster size', subtitle: caption },
    data: { values },
    facet: { column: { field: 'measure', type: 'nominal', title: null } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 320, height: 220,
      layer: [
        { mark: { type: 'line', point: true }, encoding: {
          x: { field: 'nodes', type: 'quantitative', title: 'nodes (30 pods each)' },
          y: { field: 'value', type: 'quantitative', title: null },
          tooltip: [{ field: 'nodes' }, { field: 'pods' }, { field: 'value' }],
        } },
        // The targets at 150,000 pods on 5,000 nodes: Running within 60 s, under 4 GiB.
        { mark: { type: 'rule', strokeDash: [4, 4], color: 'firebrick' }, encoding: { y: { field: 'target', type: 'quantitative', aggregate: 'max' } } },
        { mark: { type: 'text', dy: -10 }, encoding: { x: { field: 'nodes', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' }, text: { field: 'value' } } },
      ],
    },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  return view.toSVG();
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
