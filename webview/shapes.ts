/**
 * Node shapes for sigma: its point program draws discs; these variants draw squares and diamonds with the same
 * vertex data, so scope (local: square, swarm/global: diamond) reads at a glance on the GPU-drawn graph.
 */
import type { Attributes } from 'graphology-types';
import { NodePointProgram } from 'sigma/rendering';

const shader = (inside: string): string => `
precision mediump float;
varying vec4 v_color;
varying float v_border;
const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);
void main(void) {
  vec2 m = gl_PointCoord - vec2(0.5, 0.5);
  float dist = ${inside};
  #ifdef PICKING_MODE
  gl_FragColor = dist > v_border ? v_color : transparent;
  #else
  float t = 0.0;
  if (dist > v_border) t = 1.0;
  else if (dist > 0.0) t = dist / v_border;
  gl_FragColor = mix(transparent, v_color, t);
  #endif
}
`;

export class NodeSquareProgram<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
> extends NodePointProgram<N, E, G> {
  override getDefinition(): ReturnType<NodePointProgram<N, E, G>['getDefinition']> {
    // distance to the square's edge (inset a little so it does not look larger than a disc of the same size)
    return { ...super.getDefinition(), FRAGMENT_SHADER_SOURCE: shader('0.42 - max(abs(m.x), abs(m.y))') };
  }
}

/** Swarm services: a flat-topped hexagon. */
export class NodeHexagonProgram<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
> extends NodePointProgram<N, E, G> {
  override getDefinition(): ReturnType<NodePointProgram<N, E, G>['getDefinition']> {
    return {
      ...super.getDefinition(),
      FRAGMENT_SHADER_SOURCE: shader('0.46 - max(abs(m.y), abs(m.x) * 0.866 + abs(m.y) * 0.5)'),
    };
  }
}

export class NodeDiamondProgram<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
> extends NodePointProgram<N, E, G> {
  override getDefinition(): ReturnType<NodePointProgram<N, E, G>['getDefinition']> {
    return { ...super.getDefinition(), FRAGMENT_SHADER_SOURCE: shader('0.5 - (abs(m.x) + abs(m.y))') };
  }
}
